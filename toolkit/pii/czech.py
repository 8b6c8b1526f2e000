"""Czech town names in their inflected forms: "v Ostravě", "z Brna", "v Mladé Boleslavi".

Czech declines place names after prepositions, so a list of nominatives ("Ostrava", "Brno",
"Mladá Boleslav") misses most mentions in running text. :func:`nominatives` undoes the common
case endings of one folded (lower-case, accent-free) word; a mention is a place when one
combination of its words' candidates is in the place list. The rules are deliberately
simple (no dictionary of exceptions beyond Praha): a candidate counts only if the list has it.
:func:`czech_forms` goes the other way for given names and surnames, so that a name found once
is found again in its other cases ("Honza", then "Honzo", "Honzovi").
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["CZECH_LETTERS", "PREPOSITIONS", "czech_forms", "name_nominatives", "nominatives"]

#: Letters that, of the study languages, only Czech writes.
CZECH_LETTERS = "áčďéěíňóřšťúůýžÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"

#: Folded prepositions that put the next word in a case other than the nominative.
PREPOSITIONS = frozenset(
    "v ve z ze do u na k ke od ode po pri pred za nad pod kolem okolo blizko vedle smer "
    "mezi krome".split()
)


@lru_cache(maxsize=8192)
def nominatives(word: str) -> frozenset[str]:
    """Possible nominatives of a folded Czech noun or adjective form (``word`` included).

    "ostrave" -> "ostrava", "brne"/"brna" -> "brno", "praze" -> "praha", "plzni" -> "plzen",
    "liberci" -> "liberec", "krumlove" -> "krumlov", "mlade" -> "mlada", "novem" -> "nove",
    "ceskem"/"ceskeho" -> "cesky".
    """
    out = {word}
    if len(word) < 3:
        return frozenset(out)
    stem1, stem2 = word[:-1], word[:-2]
    out |= {stem1, stem1 + "a", stem1 + "o", stem2 + "a"}
    if word.endswith("ic"):
        out.add(word + "e")  # Pardubic -> Pardubice (genitive plural)
    if word.endswith("ze"):
        out.add(stem2 + "ha")  # Praze -> Praha
    if word.endswith("ce"):
        out.add(stem2 + "ka")  # Lhotce -> Lhotka
    if len(stem1) >= 3 and stem1[-1] not in "aeiouy" and stem1[-2] not in "aeiouy":
        out.add(stem1[:-1] + "e" + stem1[-1])  # Plzni -> Plzen, Liberci -> Liberec
    for ending, repl in (("em", "e"), ("em", "y"), ("eho", "y"), ("ych", "y"), ("ou", "a"),
                         ("ou", ""), ("em", ""), ("ach", "y"), ("ech", "y"), ("ich", "e")):
        if word.endswith(ending):
            out.add(word[: -len(ending)] + repl)
    return frozenset(out)


def _insert_e(stem: str) -> str | None:
    """"vitk" -> "vitek", "pavl" -> "pavel": the e that drops out before a case ending."""
    if len(stem) >= 3 and stem[-1] not in "aeiouy" and stem[-2] not in "aeiouy":
        return stem[:-1] + "e" + stem[-1]
    return None


@lru_cache(maxsize=8192)
def name_nominatives(word: str) -> frozenset[str]:
    """Possible nominatives of a folded Czech given name in another case (``word`` excluded).

    "luckou"/"lucku"/"lucky"/"lucce" -> "lucka", "vitkem" -> "vitek", "kubovi" -> "kuba",
    "petrovi"/"petrem" -> "petr", "jaroslave" -> "jaroslav", "evicko" -> "evicka".
    """
    out: set[str] = set()
    if len(word) < 4:
        return frozenset(out)
    for ending, repls in (("ovi", ("", "a")), ("ou", ("a",)), ("em", ("",)), ("ce", ("ka",)),
                          ("e", ("", "a")), ("u", ("a",)), ("y", ("a",)), ("o", ("a",)),
                          ("i", ("",))):
        if word.endswith(ending):
            stem = word[: -len(ending)]
            for repl in repls:
                out.add(stem + repl)
                if not repl and (inserted := _insert_e(stem)) is not None:
                    out.add(inserted)
            break
    out.discard(word)
    return frozenset(out)


def czech_forms(name: str) -> list[str]:
    """Folded forms of a (folded) Czech name in the other cases: "honza" -> "honzo",
    "honzy", "honzovi"...; "lucka" -> "lucko", "lucce"...; "pavel" -> "pavla", "pavlovi"...;
    "novak" -> "novaka", "novakem"... Names ending in a vowel other than "a" do not change."""
    if len(name) < 3:
        return []
    if name.endswith("ka"):
        stem = name[:-2]
        return [stem + e for e in ("ko", "ky", "ce", "ku", "kou", "kovi")]
    if name.endswith("a"):
        stem = name[:-1]
        return [stem + e for e in ("o", "y", "e", "u", "ou", "ovi", "i")]
    if name[-1] in "eiouy":
        return []
    stems = [name]
    if name.endswith(("el", "ek", "ec")) and len(name) > 3:
        stems.append(name[:-2] + name[-1])  # "pavel" -> "pavl", "vasek" -> "vask"
    return [s + e for s in stems for e in ("a", "ovi", "em", "e", "u", "i", "ou")]
