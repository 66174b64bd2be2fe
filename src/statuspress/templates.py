"""The Jinja2 environment: the built-in theme plus a repository's ``site_templates/``
overrides, file by file, autoescaping everything.

A repository template replaces the built-in one of the same name; it can extend the
built-in one through the ``default:`` prefix (``{% extends "default:base.html" %}``).

Templates say their words through Jinja's i18n extension (``{% trans %}``, ``_()``,
``ngettext()``), looked up in the build's message catalogue.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from statuspress.assets import Assets, theme_assets
from statuspress.diagnostics import Diagnostic, Level
from statuspress.errors import ContentError
from statuspress.layout import TEMPLATES_DIR
from statuspress.messages import ENGLISH, Catalogue


def _builtin_templates() -> Path:
    """The built-in theme and message templates. An installed wheel ships them as package
    data (``statuspress/site_templates``); in a source checkout (an editable install) they
    are the checkout's top-level ``site_templates/``, where pyproject.toml maps them from."""
    packaged = Path(__file__).parent / TEMPLATES_DIR
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / TEMPLATES_DIR


BUILTIN_TEMPLATES = _builtin_templates()


def make_environment(
    root: Path, messages: Catalogue = ENGLISH, like: jinja2.Environment | None = None
) -> jinja2.Environment:
    """One environment per build and language: templates are compiled once and cached in
    it. Its templates' words come from ``messages``. ``like``, an environment of the same
    build (another language's), lends its compiled templates and theme assets, so a site
    in several languages compiles each template once. (Nothing is kept between builds:
    Jinja's bytecode cache on disk would run code read from a file, and the few hundredths
    of a second it saves are not worth that.)"""
    env = _environment(root, autoescape=True)
    env.bytecode_cache = like.bytecode_cache if like is not None else _CompiledTemplates()
    _install_messages(env, messages)
    env.filters["time_tag"] = time_tag
    if like is not None:
        assets = environment_assets(like)
    else:
        assets = theme_assets((root / TEMPLATES_DIR, BUILTIN_TEMPLATES))
    env.globals[_ASSETS] = assets
    # ``{{ page.root }}{{ "assets/style.css"|asset }}``: the published, fingerprinted path.
    env.filters["asset"] = assets.path
    return env


class _CompiledTemplates(jinja2.BytecodeCache):
    """The compiled code of each template, in memory, shared by the environments of one
    build. Jinja keys it by template name and file and checks it against the source, so
    a repository's own template never runs a built-in one's code."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_ASSETS = "statuspress_assets"


def environment_assets(env: jinja2.Environment) -> Assets:
    """The theme assets of an environment ``make_environment`` made (the files pages
    link with the ``asset`` filter)."""
    assets = env.globals[_ASSETS]
    assert isinstance(assets, Assets)
    return assets


def template_loader(root: Path) -> jinja2.BaseLoader:
    """The repository's ``site_templates/`` first, then the built-in theme (also reachable
    as ``default:<name>``)."""
    builtin = jinja2.FileSystemLoader(str(BUILTIN_TEMPLATES))
    loaders: list[jinja2.BaseLoader] = []
    overrides = root / TEMPLATES_DIR
    if overrides.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(overrides)))
    loaders.append(jinja2.PrefixLoader({"default": builtin}, delimiter=":"))
    loaders.append(builtin)
    return jinja2.ChoiceLoader(loaders)


def text_environment(root: Path, messages: Catalogue = ENGLISH) -> jinja2.Environment:
    """The environment of plain-text templates (notification messages): the same lookup
    and message catalogue as the site's, without HTML escaping."""
    env = _environment(root, autoescape=False)
    env.install_gettext_callables(  # type: ignore[attr-defined]
        messages.gettext,
        messages.ngettext,
        newstyle=True,
        pgettext=messages.pgettext,
        npgettext=messages.npgettext,
    )
    return env


def _environment(root: Path, *, autoescape: bool) -> jinja2.Environment:
    """The repository's templates before the built-in ones, strict about undefined names,
    with the i18n extension (its callables installed by the caller)."""
    return jinja2.Environment(
        loader=template_loader(root),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        extensions=["jinja2.ext.i18n"],
    )


def time_tag(iso: str, text: str) -> Markup:
    """``<time datetime="ISO">text</time>``: ``{{ update.time_iso | time_tag(update.time) }}``."""
    return Markup('<time datetime="%s">%s</time>') % (iso, text)


def _install_messages(env: jinja2.Environment, messages: Catalogue) -> None:
    """``messages`` as Jinja's i18n extension's "newstyle" callables (``_()`` formats its own
    ``%(name)s`` placeholders and escapes their values, the same way for ``{% trans %}``
    blocks and calls), each looked up once per environment: a catalogue does not change
    during a build, and a site renders the same labels on thousands of pages."""
    looked_up: dict[tuple[str, ...], Markup] = {}

    def once(key: tuple[str, ...], find: Callable[[], str]) -> Markup:
        found = looked_up.get(key)
        if found is None:
            found = looked_up[key] = Markup(find())
        return found

    # Autoescape is always on in this environment (see above), so results are Markup.
    def gettext(string: str, /, **variables: Any) -> str:
        if not variables:  # a label: formatted (``%%`` -> ``%``) once, like its lookup
            return once(("label", string), lambda: Markup(messages.gettext(string)) % {})
        return once((string,), lambda: messages.gettext(string)) % variables

    def ngettext(singular: str, plural: str, num: int, /, **variables: Any) -> str:
        variables.setdefault("num", num)
        form = once(
            ("n", singular, plural, str(num)), lambda: messages.ngettext(singular, plural, num)
        )
        return form % variables

    def pgettext(context: str, string: str, /, **variables: Any) -> str:
        variables.setdefault("context", context)
        return once(("p", context, string), lambda: messages.pgettext(context, string)) % variables

    def npgettext(context: str, singular: str, plural: str, num: int, /, **variables: Any) -> str:
        variables.setdefault("context", context)
        variables.setdefault("num", num)
        form = once(
            ("np", context, singular, plural, str(num)),
            lambda: messages.npgettext(context, singular, plural, num),
        )
        return form % variables

    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext, ngettext, newstyle=True, pgettext=pgettext, npgettext=npgettext
    )
    # The callables above already do what newstyle's wrappers do; installing them plainly
    # spares two indirections per message (``_`` is ``gettext`` itself).
    env.globals.update(
        gettext=gettext, ngettext=ngettext, pgettext=pgettext, npgettext=npgettext, _=gettext
    )


def _template_location(root: Path, exc: BaseException) -> tuple[str, int]:
    """The template file and line an error came from (Jinja rewrites tracebacks so their
    frames point into the template sources)."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return exc.filename or exc.name or "template", exc.lineno or 1
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".html", ".xml", ".txt", ".css", ".j2", ".md")):
            return frame.filename, frame.lineno or 1
    return "template", 1


def _relative(root: Path, filename: str) -> str:
    path = Path(filename)
    for base in (root, BUILTIN_TEMPLATES.parent):
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return filename


def render_template(
    env: jinja2.Environment, root: Path, name: str, values: Mapping[str, Any]
) -> str:
    """Render one template; a broken template becomes a ContentError naming file and line."""
    try:
        return env.get_template(name).render(values)
    except jinja2.TemplateNotFound as exc:
        raise ContentError(
            f"template {exc.name!r} not found",
            (
                Diagnostic(
                    f"{TEMPLATES_DIR}/{name}",
                    1,
                    1,
                    Level.ERROR,
                    "template/not-found",
                    f"template {exc.name!r} was not found; check the name in the template "
                    "that includes or extends it",
                ),
            ),
        ) from None
    except (
        jinja2.TemplateError,
        ArithmeticError,
        RecursionError,
        LookupError,
        TypeError,
        ValueError,
    ) as exc:
        # Besides Jinja's own errors, what a template's expressions can raise themselves
        # ({{ 1 // 0 }}, a template that includes itself): the template's fault, shown there.
        filename, line = _template_location(root, exc)
        rel = _relative(root, filename)
        rule = (
            "template/syntax" if isinstance(exc, jinja2.TemplateSyntaxError) else "template/render"
        )
        message = (exc.message if isinstance(exc, jinja2.TemplateError) else None) or str(exc)
        if not isinstance(exc, jinja2.TemplateError):
            message = f"{type(exc).__name__}: {message or 'error'}"
        raise ContentError(
            f"template {rel} failed: {message}",
            (
                Diagnostic(
                    rel,
                    line,
                    1,
                    Level.ERROR,
                    rule,
                    f"{message}; fix the template (see docs/site.md for the variables each "
                    "page receives)",
                ),
            ),
        ) from None
