"""The `mishen` command line (CONTRACT.md): scan files and print or write their reports."""
from __future__ import annotations

import logging
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from mishen.render.labels import DECISION_LABELS
from models import Decision, Report

app = typer.Typer(add_completion=False, no_args_is_help=True, help="密审：公文发布前保密审查。")

SUFFIXES = {".docx", ".pdf", ".txt", ".text", ".md", ".html", ".htm", ".shtml"}


class OutputFormat(StrEnum):
    json = "json"
    text = "text"
    html = "html"


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="显示运行日志（不含文档内容）")] = False) -> None:
    """密审 mishen — 公文公开属性与保密审查。"""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")


def expand(paths: list[Path]) -> list[Path]:
    """Files as given; folders expanded recursively to the formats mishen reads, in name order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                                and not p.name.endswith(".expected.json")))
        else:
            files.append(path)
    return files


def exit_code(reports: list[Report]) -> int:
    """0 all pass; 1 any review/block; 2 any file that could not be read."""
    if any(r.error and r.error.code != "DETECTOR_FAILED" for r in reports):
        return 2
    return 0 if all(r.decision is Decision.PASS for r in reports) else 1


@app.command()
def scan(
    files: Annotated[list[Path], typer.Argument(help="要审查的文件或文件夹（.docx .pdf .txt .html）")],
    format: Annotated[OutputFormat, typer.Option("--format", "-f", help="报告格式")] = OutputFormat.json,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="把报告写入此文件夹，而不是打印")] = None,
) -> None:
    """审查文件，输出审查报告。退出码：0 全部可发布；1 有需审查或禁止发布的；2 有无法读取的文件。"""
    from mishen.pipeline import Reviewer
    from mishen.settings import Settings

    paths = expand(files)
    if not paths:
        typer.echo("没有找到可审查的文件", err=True)
        raise typer.Exit(2)
    console = Console(stderr=out is None and format is not OutputFormat.text)
    reviewer = Reviewer(Settings())
    reports: list[Report] = []
    for path in paths:
        report = reviewer.review_path(path)
        reports.append(report)
        if out is None:
            _print(report, format)
    if out is not None:
        _write_all(reports, paths, format, out, console)
    raise typer.Exit(exit_code(reports))


def _print(report: Report, format: OutputFormat) -> None:
    if format is OutputFormat.json:
        sys.stdout.write(report.to_json() + "\n")
    elif format is OutputFormat.html:
        from mishen.render.html import render_html
        sys.stdout.write(render_html(report))
    else:
        from mishen.render.text import print_report
        print_report(report, Console())
    sys.stdout.flush()


def report_name(path: Path, format: OutputFormat) -> str:
    suffix = {"json": "json", "text": "txt", "html": "html"}[format.value]
    return f"{path.name}.report.{suffix}"


def _write_all(reports: list[Report], paths: list[Path], format: OutputFormat, out: Path, console: Console) -> None:
    from mishen.render.html import render_html, render_index
    from mishen.render.text import print_report

    out.mkdir(parents=True, exist_ok=True)
    entries = []
    for report, path in zip(reports, paths):
        target = out / report_name(path, format)
        if format is OutputFormat.json:
            target.write_text(report.to_json(indent=2), encoding="utf-8")
        elif format is OutputFormat.html:
            target.write_text(render_html(report), encoding="utf-8")
            entries.append((report, target.name))
        else:
            with target.open("w", encoding="utf-8") as fh:
                print_report(report, Console(file=fh, width=120, force_terminal=False))
    summary = Table(title="审查结果", title_justify="left")
    for column in ("文件", "结论", "建议属性", "问题数"):
        summary.add_column(column)
    for report in reports:
        summary.add_row(report.document.source, DECISION_LABELS[report.decision],
                        report.suggestion.attribute.value if report.suggestion else "—", str(len(report.findings)))
    console.print(summary)
    if entries:
        index = out / "index.html"
        index.write_text(render_index(entries), encoding="utf-8")
        console.print(f"HTML 报告：{index.resolve()}")
    else:
        console.print(f"报告已写入：{out.resolve()}")


@app.command()
def redact(
    files: Annotated[list[Path], typer.Argument(help="要生成公开版的文件或文件夹（.docx .pdf .txt .html）")],
    out: Annotated[Path, typer.Option("--out", "-o", help="公开版、脱密记录（.redactions.json）写入此文件夹")],
    register: Annotated[Path | None, typer.Option(
        "--register", help="遮盖登记文件（同一号码/姓名在各文件中遮盖一致；内部文件），默认 OUT/mask-register.json")] = None,
    resolution: Annotated[int, typer.Option("--resolution", help="PDF 重绘页面的分辨率（dpi）")] = 150,
) -> None:
    """生成脱密后公开版：遮盖应脱密的内容，删除批注、修订、隐藏文字和文档属性，并逐一核验无泄露。
    退出码：0 全部通过；1 有待人工确认或核验未通过的；2 有无法读取的文件。原件不会被修改。"""
    from mishen.redact.command import run_redact

    paths = expand(files)
    if not paths:
        typer.echo("没有找到可处理的文件", err=True)
        raise typer.Exit(2)
    raise typer.Exit(run_redact(paths, out, register, resolution))



@app.command()
def serve(
    host: Annotated[str, typer.Option(help="监听地址")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="监听端口")] = 8000,
    workers: Annotated[int | None, typer.Option(
        "--workers", "-w", min=1, help="审查进程数（默认为 CPU 核数，最多 4；1 即在服务进程内审查）")] = None,
) -> None:
    """启动审查工作台（网页）和 HTTP 接口（CMS 发布前审查）。"""
    from mishen.review.commands import default_workers, run_server

    run_server(host, port, workers or default_workers())


@app.command()
def batch(
    inputs: Annotated[list[Path], typer.Argument(help="要批量审查的文件夹（递归）或文件")],
    out: Annotated[Path, typer.Option("--out", "-o", help="报告和汇总（summary.html/csv/xlsx）写入此文件夹")] = Path("out"),
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="并行审查的进程数")] = 1,
    runner: Annotated[str, typer.Option(help="auto、threads、processes、prefect-processes 或 dask")] = "auto",
    dask_address: Annotated[str | None, typer.Option(help="Dask 集群调度器地址（需安装 mishen[dask]）")] = None,
    force: Annotated[bool, typer.Option("--force", help="已审查过的文件也重新审查")] = False,
) -> None:
    """用 Prefect 批量审查文件夹，结果写入审查队列，并生成汇总报告。退出码同 scan。"""
    from mishen.batch.console import run_batch_command

    if runner not in ("auto", "threads", "processes", "prefect-processes", "dask"):
        typer.echo("--runner 须为 auto、threads、processes、prefect-processes 或 dask", err=True)
        raise typer.Exit(2)
    missing = [p for p in inputs if not p.exists()]
    if missing:
        typer.echo("找不到：" + "、".join(str(p) for p in missing), err=True)
        raise typer.Exit(2)
    raise typer.Exit(run_batch_command(inputs, out, workers, runner, dask_address, force, Console(stderr=True)))


users_app = typer.Typer(no_args_is_help=True, help="管理审查工作台的用户。")
app.add_typer(users_app, name="users")


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="用户名")],
    role: Annotated[str, typer.Option("--role", help="drafter（起草人）、reviewer（审查人）或 admin（管理员）")],
) -> None:
    """添加用户。密码从环境变量 MISHEN_NEW_USER_PASSWORD 读取，没有则提示输入（不回显）。"""
    from mishen.review.commands import add_user, password_from_env
    from mishen.review.views import Role, StoreError

    if role not in {r.value for r in Role}:
        typer.echo("角色须为 drafter、reviewer 或 admin", err=True)
        raise typer.Exit(2)
    password = password_from_env() or typer.prompt("密码", hide_input=True, confirmation_prompt=True)
    try:
        user = add_user(name, Role(role), password)
    except StoreError as exc:
        typer.echo(exc.message, err=True)
        raise typer.Exit(1) from None
    typer.echo(f"已添加用户 {user.name}（{user.role.value}）")


if __name__ == "__main__":
    app()
