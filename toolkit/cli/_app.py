"""The click root group and the pieces every sub-command shares.

The CLI is the only layer that prints or exits. Each sub-command module parses options, calls
the library once, formats the result and exits with one of :class:`ExitCode`.
"""

from __future__ import annotations

import enum
import functools
import os
import sys
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

import click

from toolkit.errors import ConfideError

__all__ = ["ExitCode", "fail", "guarded", "main", "warn"]

F = TypeVar("F", bound=Callable[..., Any])


class ExitCode(enum.IntEnum):
    """Exit codes of every confide command (DESIGN.md)."""

    OK = 0
    FINDINGS = 1
    ERROR = 2


def warn(message: str) -> None:
    """One line on stderr, prefixed with the program name."""
    click.echo(f"confide: {message}", err=True)


def fail(message: str) -> NoReturn:
    """Print one error line and exit with :attr:`ExitCode.ERROR`."""
    warn(message)
    sys.exit(ExitCode.ERROR)


def guarded(func: F) -> F:
    """Turn any error into one line on stderr and exit 2; never show a traceback.

    Set ``CONFIDE_DEBUG=1`` to let unexpected exceptions through with their traceback.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ConfideError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            fail("interrupted")
        except BrokenPipeError:
            # stdout closed early (e.g. `| head`): not an error of ours.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(ExitCode.OK)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as exc:  # last resort: one line, no traceback
            if os.environ.get("CONFIDE_DEBUG"):
                raise
            fail(
                f"internal error ({type(exc).__name__}); "
                "rerun with CONFIDE_DEBUG=1 and report the traceback"
            )

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="confide", prog_name="confide")
def main() -> None:
    """confide: privacy and consent compliance for AI-assisted psychotherapy.

    \b
    redact    remove personal data from transcripts and chat logs
    detect    list personal-data spans (types and offsets, no raw text)
    consent   validate consent records; render consent documents
    policy    list and explain the consent policy rules
    audit     audit a dataset: residual personal data and consent coverage
    """
