"""Names in a list of schemes, where minutes often write them in lower case:
"campaigns such as hate crime awareness week, ask for angela and the
nominated neighbour scheme", or a bulleted list after "The projects
included:"."""

from __future__ import annotations

import re

from .lexicon import FILL, lexicon
from .names import Found

#: A list of schemes: "campaigns such as ...", "initiatives including ...", "projects:".
LIST_CUE = re.compile(
    r"\b(?:[Ss]chemes|[Ii]nitiatives|[Cc]ampaigns|[Pp]rojects|[Pp]rogrammes|[Ff]unds)\b[^.:;\n]{0,40}?"
    r"(?:such as|including|included|like|:-?)[ \t]*"
)
LIST_ITEM_SPLIT = re.compile(
    r",[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+|\n[ \t]*(?:[•●▪\-–*][ \t]*)?"
)
ITEM_DETERMINERS = re.compile(r"(?:the|a|an|our|its|their)[ \t]+")


def listed_names(text: str) -> list[Found]:
    """Names in a list after "schemes/campaigns such as" or "initiatives
    including", where minutes often write them in lower case ("campaigns such
    as hate crime awareness week, ask for angela and the nominated neighbour
    scheme"): an item is a name when it is a well-known name in any case, or
    two to six words ending in a head with at least two words before it."""
    lex = lexicon()
    out = []
    for cue in LIST_CUE.finditer(text):
        stop = re.compile(r"[.;!?]|\n[ \t]*\n").search(text, cue.end())
        end = stop.start() if stop else len(text)
        pos = cue.end()
        for sep in [*LIST_ITEM_SPLIT.finditer(text, pos, end), None]:
            item_end = sep.start() if sep else end
            det = ITEM_DETERMINERS.match(text, pos, item_end)
            start = det.end() if det else pos
            words = list(re.finditer(r"\S+", text[start:item_end].replace(FILL, " ")))
            # an item ends at its head: "the nominated neighbour scheme in the town"
            cut = next(
                (i for i, w in enumerate(words) if i >= 2 and w.group(0).lower() in lex.heads_lower), None
            )
            while (
                cut is not None
                and cut + 1 < len(words)
                and words[cut + 1].group(0).lower() in lex.heads_lower
            ):
                cut += 1  # "hate crime awareness week", "safer homes grant scheme"
            if cut is not None:
                words = words[:cut + 1]
            item = " ".join(w.group(0) for w in words).rstrip(",")
            if words and (
                item.lower() in lex.gazetteer_lower
                or (cut is not None and len(words) <= 6 and item.islower())
            ):
                out.append(Found(start, start + words[-1].end(), item))
            pos = sep.end() if sep else end
    return out
