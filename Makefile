# 密审 mishen — two commands do all the set-up: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test install browser clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# Review every sample document; reports (HTML + index) go to out/. Exit 1/2 only mean "some documents
# need review / could not be read", which the samples are made to show.
demo: install
	$(VENV)/bin/mishen scan sample_docs/*.docx sample_docs/*.pdf sample_docs/*.txt sample_docs/*.html sample_docs/bad/* --format html --out out; rc=$$?; [ $$rc -le 2 ] || exit $$rc
	@echo "打开 out/index.html 查看审查报告"

# The reviewer UI's browser test drives Debian's chromium (never a downloaded browser build).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || echo "未能安装 chromium：浏览器测试将跳过"

test: install browser
	$(PY) -m pytest -q

clean:
	rm -rf out .pytest_cache
