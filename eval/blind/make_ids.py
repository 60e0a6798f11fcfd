"""Print valid GB 11643 ID numbers for the synthetic blind documents (region codes from GB/T 2260)."""
from __future__ import annotations

import datetime
import sys

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"


def check_digit(body: str) -> str:
    return CHECK[sum(int(c) * w for c, w in zip(body, WEIGHTS)) % 11]


def make(region: str, birth: str, seq: str) -> str:
    datetime.date(int(birth[:4]), int(birth[4:6]), int(birth[6:]))  # raises on an invalid date
    body = region + birth + seq
    assert len(body) == 17 and body.isdigit()
    return body + check_digit(body)


def valid(id18: str) -> bool:
    return len(id18) == 18 and check_digit(id18[:17]) == id18[17].upper()


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        region, birth, seq = arg.split(":")
        print(make(region, birth, seq))
