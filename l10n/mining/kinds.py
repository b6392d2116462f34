"""A first guess at an entry's kind, from the evidence the article gives; the reviewer confirms it."""
from __future__ import annotations

import re

from ..model import Kind
from .boundaries import ORG_ENDINGS, looks_like_person

_WORK_ENDINGS = ("法", "法案", "条例", "报告", "框架", "蓝图", "指南", "标准", "协议", "白皮书", "规定", "办法",
                 "纲要", "计划", "宣言", "声明", "书", "剧", "片", "节目")
# Events are filed as works, as the project glossary files Ignite 2023; checked before 会 makes an org.
_EVENT_ENDINGS = ("运动会", "亚运会", "亚冬会", "奥运会", "冬奥会", "大会", "峰会", "博览会", "展会", "论坛", "年会",
                  "发布会", "世界杯", "锦标赛")
_PRODUCT_ENDINGS = ("系统", "平台", "芯片", "模型", "软件", "应用", "手机", "汽车", "飞船", "项目", "实验室")


def guess_kind(source: str, english: str, quoted_as_work: bool = False) -> Kind:
    if looks_like_person(source, english):
        return Kind.PERSON
    if quoted_as_work or source.endswith(_WORK_ENDINGS + _EVENT_ENDINGS):
        return Kind.WORK
    if source.endswith(ORG_ENDINGS):
        return Kind.ORG
    if source.endswith(_PRODUCT_ENDINGS) or source.isascii() and re.search(r"\d", source):
        return Kind.PRODUCT
    return Kind.TERM
