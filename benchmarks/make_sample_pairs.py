"""Write benchmarks/sample_pairs.jsonl: the bundled samples with our own reference summaries.

python benchmarks/make_sample_pairs.py && python benchmarks/quality.py benchmarks/sample_pairs.jsonl

With --wikipedia, also zhreader_wiki_pairs.jsonl in the temporary folder (not
in the project: the text is Wikipedia's) from the shared Wikipedia
articles: the body (every section after the lead) as the text and the lead
as its reference, since a Wikipedia lead is written to summarise the body.
It measures whether key sentences cover a long text, not only its opening.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from reader.ingest.loading import load_path

ROOT = Path(__file__).resolve().parent.parent
REALWORLD = ROOT.parent / "shared" / "data" / "realworld"
REFERENCES = {
    "01_news_scraped.txt": "东江火炬开发区三年来把旧厂房、旧仓库作为产业转型主阵地，引进新能源、智能装备和生物医药项目四十二个，"
    "规上工业增加值增长12.6%。园区用数字化改造老车间、以青年创新中心吸引人才回流，并治理东溪河，实现转型与生态修复并进。",
    "02_essay_traditional.txt": "作者在南部小城的巷口發現一間開了近四十年的舊書店。舊書上的眉批和筆跡讓她著迷，"
    "老闆阿伯替她尋書、留書。網路時代客人變少，但年輕人開始找來；阿伯病後女兒回來顧店，書店成了城市記憶的一部分。",
    "03_policy_report.txt": "东江市制定2023至2025年社区居家养老服务实施方案，目标是街道综合养老服务中心全覆盖、社区站点覆盖九成以上。"
    "重点是完善设施网络、发展助餐和家庭养老床位、促进医养结合和智慧养老，并在组织、资金、人才和考核上提供保障。",
    "04_markdown_guide.md": "在城市阳台种菜，先观察光照再选蔬菜，新手宜从生长期短的叶菜开始。容器要有排水孔，用营养土配椰糠和珍珠岩。"
    "浇水见干见湿、施肥薄肥勤施、病虫害以防为主，避免贪多、浇水过勤和急于求成。",
    "05_rural_delivery_gb18030.txt": "青禾县成立共同配送中心，七家快递企业合并配送进村，单件成本从一块二降到四毛左右，"
    "村级服务站兼顾代办服务。回程车带动农产品出山，网络销售额增长四成以上。但偏远道路、站长培训和冷链仍是短板。",
    "06_web_page.html": "东江市图书馆古籍修复师许文澜从业二十三年，修复古籍三千多叶。修复讲究修旧如旧，配纸最考功夫。"
    "近年来年轻人走进修复室，传统手艺与新技术结合；图书馆推进古籍数字化并举办修复体验活动。",
    "07_bike_lanes.txt": "东江市在老城区六条街道试点慢行优先改造，拓宽人行道、划出隔离自行车道。两个月后早高峰骑车人数增加近一倍，"
    "机动车速度没有明显下降。针对商户对停车的担心，交通部门新建临时停车场和装卸车位，年底将评估后决定是否推广。",
    "08_ferry_hongkong.txt": "近百年歷史的海灣區北岸渡輪碼頭翻新後重開，保留原有木樑屋頂和綠色鐵閘。工程只更換腐爛木材，"
    "並加建斜道、升降機和電子報站系統，方便長者和輪椅使用者。街坊對保留集體回憶感到安慰，碼頭內亦設免費展覽。",
    "09_reservoir_study.md": "东江大学研究发现，青溪水库三年来总磷下降约四成，藻类暴发天数大幅减少。主因是上游推广测土配方施肥、"
    "化肥用量下降，生态缓冲带也拦截了径流污染，畜禽养殖整治见效较慢。降雨偏少可能也有作用，研究建议长期监测并建立生态补偿机制。",
    "10_village_basketball.txt": "石门村连续七届举办村晚篮球赛，今年吸引两万多人次观看，球员多是农民、返乡青年和乡村教师。"
    "赛事带动农产品集市销售额超过六十万元，民宿客满。停车和场地安全是新难题，县里将支持更多村子办群众体育活动。",
}


def main() -> None:
    out = Path(__file__).with_name("sample_pairs.jsonl")
    with out.open("w", encoding="utf-8") as handle:
        for name, summary in REFERENCES.items():
            document = load_path(ROOT / "sample_articles" / name)
            text = "\n\n".join(filter(None, [document.title, document.body_text]))
            handle.write(
                json.dumps({"id": name, "text": text, "summary": summary}, ensure_ascii=False)
                + "\n"
            )
    print(f"wrote {len(REFERENCES)} pairs to {out}")
    if "--wikipedia" in sys.argv[1:]:
        write_wikipedia_pairs(Path(tempfile.gettempdir()) / "zhreader_wiki_pairs.jsonl")


def write_wikipedia_pairs(out: Path) -> None:
    """Lead as reference, the sections after it as text (headings kept as their own lines)."""
    written = 0
    with out.open("w", encoding="utf-8") as handle:
        for path in sorted(REALWORLD.glob("d_zhwiki_*")):
            document = load_path(path)
            if len(document.sections) < 3 or document.sections[0].heading:
                continue
            lead = "".join(p.text for p in document.sections[0].paragraphs)
            blocks = [document.title or ""]
            for section in document.sections[1:]:
                blocks.append(section.heading or "")
                blocks.extend(p.text for p in section.paragraphs)
            text = "\n\n".join(b for b in blocks if b)
            record = {"id": path.name, "text": text, "summary": lead}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    print(f"wrote {written} pairs to {out}")


if __name__ == "__main__":
    main()
