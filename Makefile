# 密审 mishen — two commands do all the set-up: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test bench install system-deps clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test,dask]'
	touch $(STAMP)

install: $(STAMP)

# The main job: the Prefect batch review of every sample document into the queue (SQLite file), reports and the
# summary into out/. Exit 1/2 only mean "some documents need review / could not be read", which the samples show.
demo: install
	$(VENV)/bin/mishen batch sample_docs/*.docx sample_docs/*.pdf sample_docs/*.txt sample_docs/*.html sample_docs/bad --out out; rc=$$?; [ $$rc -le 2 ] || exit $$rc
	@echo "打开 out/summary.html 查看汇总报告，out/*.report.html 为各文件的审查报告"

# Throughput, stage times, baselines, gate latency, cold start, memory -> bench/RESULTS.md figures.
bench: install
	$(PY) -m bench

# Debian packages the tests use: chromium for the reviewer UI's browser test (never a downloaded browser
# build), CJK fonts so re-rendered PDF pages of the public version show their Chinese, LibreOffice to check that
# public .docx files render. Installed only where missing; without root the dependent tests skip with a reason.
SYSTEM_PACKAGES := chromium fonts-noto-cjk libreoffice-writer-nogui
system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; } \
	  || echo "未能安装$$missing：相关测试将跳过"; fi

test: install system-deps
	$(PY) -m pytest -q

clean:
	rm -rf out .pytest_cache
