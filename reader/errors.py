"""Provides the one error type the core raises for bad input."""


class ArticleError(Exception):
    """A problem with an input the user gave us, worded for the user.

    The CLI prints ``str(error)`` as a single line and exits with code 2, so
    the message names the file and the problem and never carries a traceback.
    """

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem
