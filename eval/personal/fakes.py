"""Random but valid personal data for the generated evaluation set (fixed seed by the caller)."""
from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

from models.masks import COMPOUND_SURNAMES
from detectors.personal.recognizers.bank_card import luhn_ok
from detectors.personal.recognizers.id_card import check_digit

DIVISIONS = Path("/work/shared/data/divisions/modood_divisions")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬建国建华志强海燕晓东春梅立新德明永红金凤宏亮文博子涵浩然思远雨桐梓萱欣怡俊杰嘉怡婷婷鹏飞慧琳晨曦凯旋忠诚友谊保卫卫东爱民振华淑珍翠花秋菊冬梅学军"
MINORITY = ["阿卜杜拉·买买提", "买买提·艾力", "古丽娜尔·吐尔逊", "热依拉·阿不都", "巴特尔·其其格", "扎西·多吉"]
ROADS = ["中山", "解放", "人民", "建设", "和平", "新华", "文化", "长江", "黄河", "学府", "光明", "幸福", "胜利", "朝阳"]
VILLAGES = ["王庄", "李家", "前进", "红星", "新民", "大桥", "柳树", "石门", "东风", "杨湾"]
TOWNS = ["城关镇", "新桥镇", "清河街道", "东湖街道", "马集镇", "柳林乡", "双河镇", "龙泉街道"]


class Fakes:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.counties = self._counties()

    def _counties(self) -> list[tuple[str, str, str, str]]:
        provinces = {r["code"]: r["name"] for r in csv.DictReader(open(DIVISIONS / "provinces.csv"))}
        cities = {r["code"]: r["name"] for r in csv.DictReader(open(DIVISIONS / "cities.csv"))}
        out = []
        for r in csv.DictReader(open(DIVISIONS / "areas.csv")):
            city = cities.get(r["cityCode"], "")
            out.append((r["code"], provinces[r["provinceCode"]], "" if city in ("市辖区", "县") or "直辖" in city else city, r["name"]))
        return [c for c in out if c[3] not in ("市辖区",)]

    def name(self) -> str:
        r = self.rng.random()
        if r < 0.03:
            return self.rng.choice(MINORITY)
        surname = self.rng.choice(sorted(COMPOUND_SURNAMES)) if r < 0.08 else self.rng.choice(SURNAMES)
        given = "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2, 2))))
        return surname + given

    def id_card(self) -> str:
        code = self.rng.choice(self.counties)[0]
        born = dt.date(1940, 1, 1) + dt.timedelta(days=self.rng.randrange(0, 365 * 65))
        body = code + born.strftime("%Y%m%d") + f"{self.rng.randrange(1000):03d}"
        return body + check_digit(body)

    def wrong_id(self) -> str:
        good = self.id_card()
        return good[:17] + self.rng.choice([c for c in "0123456789X" if c != good[17]])

    def mobile(self) -> str:
        return self.rng.choice(["13", "15", "18", "17", "19"]) + "".join(self.rng.choice("0123456789") for _ in range(9))

    def landline(self) -> str:
        area = self.rng.choice(["010", "021", "025", "0511", "0512", "0371", "0755", "0898"])
        return area + "-" + self.rng.choice("2345678") + "".join(self.rng.choice("0123456789") for _ in range(7))

    def bank_card(self) -> str:
        while True:
            digits = "622" + "".join(self.rng.choice("0123456789") for _ in range(self.rng.choice((13, 16))))
            if luhn_ok(digits):
                return digits

    def email(self) -> str:
        user = "".join(self.rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(self.rng.randint(4, 9)))
        return user + str(self.rng.randint(1, 999)) + "@" + self.rng.choice(["qq.com", "163.com", "126.com", "sina.com"])

    def passport(self) -> str:
        return "E" + "".join(self.rng.choice("0123456789") for _ in range(8))

    def plate(self) -> str:
        tail = "".join(self.rng.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(2))
        return self.rng.choice("苏浙沪京鲁豫皖粤") + self.rng.choice("ABCDEFGH") + tail + "".join(
            self.rng.choice("0123456789") for _ in range(3))

    def address(self) -> tuple[str, str]:
        """(full address, county-level prefix)."""
        _, prov, city, county = self.rng.choice(self.counties)
        prefix = prov + (city if city != prov else "") + county
        if self.rng.random() < 0.5:
            rest = f"{self.rng.choice(TOWNS)}{self.rng.choice(ROADS)}路{self.rng.randint(1, 300)}号" + (
                f"{self.rng.randint(1, 30)}栋{self.rng.randint(1, 6)}单元{self.rng.randint(101, 1802)}室"
                if self.rng.random() < 0.6 else "")
        else:
            rest = f"{self.rng.choice(TOWNS)}{self.rng.choice(VILLAGES)}村{self.rng.randint(1, 12)}组"
        return prefix + rest, prefix
