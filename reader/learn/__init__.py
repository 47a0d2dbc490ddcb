"""Reading aids for learners: readings, a dictionary, HSK levels, vocabulary lists.

Nothing here imports Textual, and nothing here is imported by ``zhreader
summary``: the data (pypinyin's phrases, CC-CEDICT, the HSK lists) loads on
first use, once per process.
"""
