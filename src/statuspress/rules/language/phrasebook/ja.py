"""Japanese: "次回の更新は14時30分（日本時間）を予定しています", "30分後に改めてお知らせします",
"16時頃に復旧する見込みです".

Japanese runs words together, so its patterns use no word boundaries: a number is held
apart from the digits around it instead, and a clock time "時" is never the "時間" of a
length of time."""

from __future__ import annotations

import re

from statuspress.rules.language.phrasebook import Phrasebook, Promises, TimeWords, words
from statuspress.rules.language.zones import ABBREVIATIONS

NUMBERS: dict[str, float] = {
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
    "十五": 15, "二十": 20, "三十": 30, "四十五": 45,
}  # fmt: skip
FUZZY = {"数": (2, 9)}
ZONES = {"日本時間": "Asia/Tokyo", "協定世界時": "UTC", "韓国時間": "Asia/Seoul"}
_NUMBER = r"\d{1,3}|" + words(*NUMBERS, *FUZZY)
#: A zone written after a time: an abbreviation or "UTC+9" (Japanese text runs straight on
#: after it, so only a Latin letter or digit may not follow), or a zone word.
_ZONE = (
    r"(?:\s?[(\uff08]?(?:(?P<zone>(?:UTC|GMT)(?:[+\-]\d{1,2}(?::?\d{2})?)?"
    rf"|{words(*ABBREVIATIONS)})(?![A-Za-z0-9])|(?P<lzone2>{words(*ZONES)}))[)\uff09]?)?"
)

TIMES = TimeWords(
    clock=re.compile(
        rf"(?<![\d:.,/])(?:(?P<lzone>{words(*ZONES)})\s?)?"
        r"(?:(?:(?P<dy>\d{4})年)?(?P<dmo>\d{1,2})月(?P<dd>\d{1,2})日\s?)?(?:(?P<ampm>午前|午後)\s?)?"
        r"(?:(?P<h>\d{1,2})(?:(?P<sep>[:\uff1a])(?P<m>\d{2})(?!\d)"
        r"|(?P<mark>時)(?!間)(?:(?P<m2>\d{1,2})分|(?P<half>半))?)"
        r"|(?P<word>正午))" + _ZONE
    ),
    date=re.compile(
        r"(?<!\d)(?:(?P<y>\d{4})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?![\dT:])"
        r"|(?:(?P<y2>\d{4})年)?(?P<mo2>\d{1,2})月(?P<d2>\d{1,2})日"
        r"|(?P<mo3>\d{1,2})/(?P<d3>\d{1,2})(?![\d/])"
        r"|(?P<wd>[月火水木金土日])曜|(?P<rel>明後日|明日|今日|本日|今夜|今晩|明朝))"
    ),
    delay=re.compile(
        r"(?<![\d.時])(?:(?P<every0>毎)|約|およそ|最大|最長)?"
        rf"(?:(?P<count>{_NUMBER})(?:\s?[~\u301c\uff5e\-\uff0d]\s?(?P<count_to>{_NUMBER}))?"
        r"\s?(?P<unit>分|時間|日)(?P<half>半)?|(?P<halfhour>半時間))"
        r"(?:程度|ほど|くらい|ぐらい)?(?:後|で|(?P<within>以内|のうち)|(?P<every>ごと|毎|おき))"
    ),
    numbers=NUMBERS,
    fuzzy=FUZZY,
    units=(("分", 1.0), ("時", 60.0), ("日", 1440.0)),
    months=("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"),
    weekdays=("月", "火", "水", "木", "金", "土", "日"),
    relative={"今日": 0, "本日": 0, "今夜": 0, "今晩": 0, "明日": 1, "明朝": 1, "明後日": 2},
    clock_words={"正午": 12},
    ampm={"午前": 0, "午後": 12},
    zones=ZONES,
)

PROMISES = Promises(
    next_update=re.compile(
        r"次回(?:の)?(?:更新|ご報告|報告|お知らせ|情報更新|アップデート)"
        r"|次の(?:更新|ご報告|報告|お知らせ|アップデート)"
        r"|(?:改めて|追って)(?:ご報告|ご連絡|お知らせ|更新)|続報"
        r"|(?:更新|ご報告|お知らせ|ご連絡|報告)(?:を)?(?:いた)?します"
        r"|(?:更新|ご報告|お知らせ|ご連絡)を予定|情報を更新"
    ),
    when_words=re.compile(
        r"できるだけ早く|できる限り早く|可能な限り早く|速やかに|まもなく|間もなく|近日中|随時"
        r"|分かり次第|わかり次第|判明次第|準備ができ次第|確認でき次第"
    ),
    fix_word=re.compile(r"復旧|解消|解決|修正|正常に|回復|完了|修復"),
    eta_word=re.compile(r"ETA|復旧(?:予定|見込み)(?:時刻|時間)|(?:予定|見込み)時刻"),
    future=re.compile(r"見込み|見込|予定|予想|目指|目途|めど|目処|見通し|でしょう|ETA"),
    past=re.compile(r"しました|いたしました|でした|ました|から|以降|前に|発生"),
    no_eta=re.compile(
        r"(?:見込み|目途|めど|目処|見通し)(?:は|が)?(?:まだ)?(?:立って|たって)(?:いません|おりません)"
        r"|未定|お伝えできる段階(?:に|では)ありません"
    ),
    day_promise=re.compile(r"本日中|今日中|明日中|本日(?:の)?(?:夕方|夜)まで|今夜中|今週中"),
    duration=re.compile(r"(?<!\d)\d{1,3}(?:[~\u301c\uff5e\-]\d{1,3})?(?:分|時間)"),
    example="次回の更新は{0}を予定しています。",
)

BOOK = Phrasebook(
    language="ja",
    function_words=frozenset(),
    promises=PROMISES,
    times=TIMES,
    script=re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]"),
)
