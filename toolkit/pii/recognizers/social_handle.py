"""Social media handles: "@name" (X/Twitter, Instagram, TikTok) and Reddit's "u/name"."""

from __future__ import annotations

import re
from typing import ClassVar

import regex
from presidio_analyzer import Pattern

from toolkit.pii.lexicon import Lexicon
from toolkit.pii.recognizers._base import ConfidePatternRecognizer
from toolkit.pii.types import EntityType

__all__ = ["SocialHandleRecognizer"]

#: "@5pm", "@10", "@3pm": a time or a count, not a handle.
_NOT_A_HANDLE = re.compile(r"@\d+(?:am|pm|h)?", re.IGNORECASE)


_PLATFORM = (r"insta(?:gram)?|ig|snap(?:chat)?|tiktok|twitter|x|discord|telegram|reddit|"
             r"twitch|threads|bluesky|mastodon|kik|psn|xbox|steam|roblox|fortnite|whatsapp|"
             r"messenger|signal|facebook|fb|linkedin|youtube|slack|skype|viber|wechat|teams|"
             r"tumblr|pinterest|bereal|hinge|tinder|bumble|grindr|vinted|ebay|depop|venmo|"
             r"cash[ \t]?app|onlyfans|spotify|github")
#: Words that follow "my insta is" without being a user name.
_NOT_USER = (r"(?!(?:private|public|down|dead|gone|blocked|deleted|banned|hacked|locked|new|old|"
             r"empty|the|my|your|his|her|their|just|so|too|full|and|but|really|literally|only|not|"
             r"always|never|still|now|off|on|for|with|about|fine|weird|toxic|awful|great|good|"
             r"bad|mostly|basically|all|working|broken|rubbish|boring|where|what|how|there|here|"
             r"open|closed|public|linked|active|inactive|deactivated|suspended|full|mine)\b)")
#: Words that name the account a message or an export belongs to: "user pm-616",
#: "server made by marvia.m.556", "account: kez_o".
_ACCOUNT = (r"user|account|(?:made|created|posted|sent|shared|exported)[ \t]+by|"
            r"(?:chat|conversation|message)[ \t]+(?:history|log|export)[ \t]+(?:for|of)")

#: A user name without "@": letters first, and a digit, "_", "." or "#" somewhere in it.
_NAME = (r"@?(?=[A-Za-z0-9_#-]*[\d_#]|[A-Za-z0-9_#-]+\.[A-Za-z0-9])"
         r"[A-Za-z][A-Za-z0-9_.#-]{2,31}(?<![.])(?![\w@])")



class SocialHandleRecognizer(ConfidePatternRecognizer):
    """"@sam_k.92" (2-30 of letters, digits, "_" and inner "."), "u/throwaway123", "/u/name";
    without "@" after or before a platform or handle cue ("my snap is kez_o99", "im
    nightowl.kez on insta", "my username on the forum is QuietFox88", "user pm-616",
    "server made by marvia.m.556"), or with an underscore
    anywhere ("sleepless_in_leeds"; never inside <...>, {...} or [...] placeholders).

    The "@" must not follow a word character (so the domain of an email is never a handle);
    "@" alone, "@ 5pm" and "@5pm" are not handles.
    """

    ENTITY = EntityType.SOCIAL_HANDLE
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "@handle",
            r"(?<![\w@.+-])@[A-Za-z0-9_][A-Za-z0-9_.-]{0,28}[A-Za-z0-9_](?![\w@])",
            0.6,
        ),
        Pattern("reddit user", r"(?<![\w/])/?u/[A-Za-z0-9_-]{3,20}(?![\w-])", 0.6),
        Pattern(
            "user name after its platform",
            r"\b(?i:" + _PLATFORM + r"|user[ \t]?name|handle|gamertag|seller[ \t]+name|"
            + _ACCOUNT + r")"
            r"(?:[ \t]+(?i:is|handle|name|id|i'?m|i[ \t]am|as|its|it'?s|it’s|jako|jsem[ \t]+jako)"
            r"|['’]s"
            r"|,?[ \t]+(?i:i'?m|i[ \t]am|its|it'?s|it’s))?"
            r"(?:[ \t]*[:=][ \t]*|,?[ \t]+)\K" + _NAME,  # "user=mwhite84", "Insta: x_y"
            0.6,
        ),
        Pattern(
            "hyphenated user name after its platform",  # "I'm on Hinge as fitzmaurice-a"
            r"\b(?i:" + _PLATFORM + r")(?:['’]s|[ \t]+(?i:is|as|jako|jsem[ \t]+jako|mám[ \t]+účet)"
            r"|[ \t]*:)[ \t]+\K[a-z][a-z0-9]*(?:-[a-z0-9]+)+(?![\w@-])",
            0.6,
        ),
        Pattern(
            "user name on there",  # "shes bianchi-c on there", "im kez_o99 on there"
            r"\b(?i:she|he|they|i)(?:['’]?s|['’]?m|['’]re|[ \t]+(?:is|am|are))[ \t]+\K"
            r"[a-z][a-z0-9_.]*(?:[-_.][a-z0-9]+)+(?![\w@])(?=[ \t]+on[ \t]+(?:there|it|that)\b)",
            0.6,
        ),
        Pattern(
            "plain user name right after its platform",  # "my BeReal is izzybee", "Discord: x"
            r"\b(?i:" + _PLATFORM + r"|seller[ \t]+name|user[ \t]?name|gamertag)"
            r"(?:['’]s|[ \t]+(?i:is|its|it'?s|it’s|handle[ \t]+is|name[ \t]+is)|[ \t]*:)[ \t]+\K"
            + _NOT_USER + r"[a-z][a-z0-9_.]{3,30}(?<![.])(?![\w@])",
            0.55,
        ),
        Pattern(
            "cash tag",  # "Cashapp $TreyMoney22"
            r"\b(?i:cash[ \t]?app|venmo|paypal)\b[^\n$]{0,20}\K\$[A-Za-z][\w-]{2,20}(?![\w])",
            0.6,
        ),
        Pattern(
            "Discord tag",  # "shadowfern#4471"
            r"(?<![\w@#/.-])[A-Za-z][A-Za-z0-9_.]{1,31}#\d{4}(?![\w#])",
            0.6,
        ),
        Pattern(
            "user name, then its platform",
            r"(?<=\b(?i:i'?m|i[ \t]am|as|add[ \t]me|follow[ \t]me)[ \t]+)" + _NAME
            + r"(?=[ \t]+(?i:on|at)[ \t]+(?i:" + _PLATFORM + r")\b)",
            0.6,
        ),
        Pattern(
            "user name after I'm, before where",  # "I'm trivedif78 on there", "... on the forum"
            r"(?<=\b(?i:i'?m|i’m|i[ \t]am)[ \t]+)" + _NAME + r"(?=[ \t]+(?i:on|in|at)\b)",
            0.6,
        ),
        Pattern(
            "user name a few words after its cue",
            r"(?<=\b(?i:user[ \t]?name|handle|gamertag|screen[ \t]?name)\b[^.,;!?\n]{1,25}?"
            r"\b(?i:is|was)[ \t]+)" + _NAME,
            0.6,
        ),
        Pattern(  # "my username on there was itsabrilb" (not English words: invalidate_result)
            "plain user name a few words after its cue",
            r"(?<=\b(?i:user[ \t]?name|gamertag|screen[ \t]?name)\b[^.,;!?\n]{1,25}?"
            r"\b(?i:is|was)[ \t]+)" + _NOT_USER + r"[a-z][a-z0-9_.]{4,30}(?<![.])(?![\w@])"
            r"(?=[ \t]*(?:[,.;!?)]|$)|[ \t]+(?:on|and|but|if|i|so)\b)",  # not "was sooo cringe"
            0.55,
        ),
        Pattern(  # "her email is sanita-s-480 on everything": the address's user part
            "e-mail user name without its domain",
            r"(?<=\b(?i:e-?mail)(?:[ \t]+(?i:address))?[ \t]+(?i:is|was|:)[ \t]+)"
            r"(?=[a-z0-9._-]*[\d_.])[a-z][a-z0-9._-]{2,30}(?<![.])(?![\w@.-])",
            0.55,
        ),
        Pattern(
            "user name after its account",  # "follow my new account, it's jacintos00"
            r"\b(?i:account|acc|profile|page|channel|server|group[ \t]?chat|gc)\b"
            r"[^.;!?\n]{0,25}?\b(?i:is|was|it'?s|it’s|as|called|under)[ \t]+\K" + _NAME,
            0.6,
        ),
        Pattern(
            "user name with an underscore",
            r"(?<![\w@./:#<\[{-])(?=[A-Za-z0-9_]*[a-z])[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9]"
            r"(?![\w@]|\.\w)(?![\"'][ \t]*:)",  # not a JSON key ("user_profile": ...)
            0.5,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "instagram", "insta", "twitter", "tiktok", "reddit", "snapchat", "handle", "username",
        "follow", "account", "profile",
    ]  # fmt: skip
    CANDIDATES = (
        re.compile("@"),
        re.compile("u/"),
        # every cue the patterns' look-behinds name, as a whole word
        regex.compile(r"(?i:\b(?:" + _PLATFORM + r"|user[ \t]?name|handle|gamertag|"
                      r"screen[ \t]?name|" + _ACCOUNT + r")\b)"),
        re.compile(r"(?i:\b(?:account|acc|profile|page|channel|server|group[ \t]?chat|gc|"
                   r"seller)\b)"),
        re.compile(r"(?i:\be-?mail\b)"),
        re.compile(r"[A-Za-z0-9]_"),
        re.compile(r" on (?:there|it|that)\b"),
        re.compile(r"[A-Za-z0-9]#[0-9]{4}"),
        regex.compile(r"(?i:\bi'?m|i’m|\bi am) [A-Za-z][A-Za-z0-9_.#-]*[0-9_.#]"),
    )
    REACH = 40

    def invalidate_result(self, pattern_text: str) -> bool:
        if re.fullmatch(r"[a-z]+(?:-[a-z]+)*", pattern_text):
            # a plain word after "my username is" (or "well-known") is a handle only if it is
            # not made of English words
            english = Lexicon.builtin().english
            return all(part in english for part in pattern_text.split("-"))
        return _NOT_A_HANDLE.fullmatch(pattern_text) is not None
