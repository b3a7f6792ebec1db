"""Word swaps that keep the text's shape: used by every rule with a safe fix."""
from __future__ import annotations

import re
from .rxcache import re_compile


_PRONOUNS_IN_S = frozenset({"his", "hers", "its", "this", "theirs", "yours", "ours", "us"})


def adapt(replacement: str, match: str) -> str:
    """Keep the capital and the plural of what is replaced ("Rockstars" -> "Experts")."""
    if not replacement:
        return replacement
    low = match.lower()
    # (a pronoun's final "s" is no plural: "his" -> "their", "hers" stays as written)
    if (low.endswith("s") and not low.endswith("ss") and not replacement.endswith("s")
            and low not in _PRONOUNS_IN_S):
        replacement += "s"
    if match[:1].isupper():
        replacement = replacement[:1].upper() + replacement[1:]
    return replacement


# "an" before a vowel sound, "a" before a consonant sound. Spelling decides, with the common
# exceptions: a "you" sound (user, unique, European, one) takes "a"; a silent h takes "an".
_A_BEFORE = ("uni", "use", "usu", "uti", "eu", "one", "once", "ubiq", "ufo", "ura", "uro")
_AN_BEFORE = ("hour", "honest", "honor", "honour", "heir")
_ARTICLE_BEFORE = re_compile(r"(?<![\w'’-])(a|an)(\s+)$", re.I)
_WORD_BEFORE = re_compile(r"([\w'’-]+)(\s+)$")
_WORD_AFTER = re_compile(r"(\s+)([\w'’-]+)")


def article_for(word: str) -> str:
    """'a' or 'an' for the word that follows it."""
    w = word.lower()
    if w.startswith(_AN_BEFORE):
        return "an"
    if w.startswith(_A_BEFORE):
        return "a"
    return "an" if w[:1] in ("a", "e", "i", "o", "u") else "a"


def _same_case(new: str, old: str) -> str:
    if old.isupper() and len(old) > 1:
        return new.upper()
    if old[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def swap_line(content: str, fixes: list[tuple[int, int, str, str]]) -> tuple[str, int]:
    """Apply word swaps ``(start, end, expected, replacement)`` (0-based character offsets)
    to one line, keeping the English right. A swap is applied only where the text still reads
    ``expected`` and it does not overlap an earlier swap. Around each swap:

    - an "a"/"an" right before it is made to agree with the new word ("a rockstar" -> "an
      expert"), in the article's own case;
    - a swap that would repeat the word beside it is merged into that word ("a rockstar
      ninja" -> "an expert", not "an expert expert"; "an expert ninja" -> "an expert").

    Returns (new line, swaps applied)."""
    out = ""
    cursor = 0
    applied = 0
    for start, end, expected, repl in sorted(fixes):
        if start < cursor or content[start:end] != expected:
            continue
        before = out + content[cursor:start]
        applied += 1
        cursor = end
        if not repl.strip():
            out = before + repl
            continue
        first_word = repl.split()[0]
        prev = _WORD_BEFORE.search(before)
        if prev and prev.group(1).lower() == repl.lower():
            out = before[:prev.end(1)]  # "expert ninja": the word is already there
            continue
        nxt = _WORD_AFTER.match(content, end)
        if nxt and nxt.group(2).lower() == repl.lower():
            cursor = nxt.start(2)  # "rockstar expert": keep the word that follows, once
            repl, first_word = "", nxt.group(2)
        art = _ARTICLE_BEFORE.search(before)
        if art:
            before = before[:art.start(1)] + _same_case(article_for(first_word), art.group(1)) + before[art.end(1):]
        out = before + repl
    return out + content[cursor:], applied
