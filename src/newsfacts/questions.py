"""The questions of each lesson's closing "check of understanding".

They live here, not in the notebooks, so a student does not see the answers in the cell
above the quiz, and the answers come from the fact base wherever they can, so they cannot
drift from the data. A lesson shows its questions with one line::

    check_understanding(book, "02")

Each lesson's questions are made by one function of the book, registered in `QUESTIONS`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsfacts.quiz import Question, quiz, who_said


def _hedge(book: Any, figure_id: str) -> str:
    return str(book.figures.set_index("id").loc[figure_id, "qualifier"])


def _lesson_00(book: Any) -> list[Question]:
    byline = book.paragraphs.loc[book.paragraphs["kind"] == "byline", "text"].iloc[0]
    body = book.paragraphs.loc[book.paragraphs["kind"] == "body", "paragraph"]
    return [
        Question(
            "Who wrote the article?",
            tuple(sorted({byline, "Emmanuel Macron", "Volodymyr Zelensky", "Keir Starmer"})),
            byline,
            "Look at the byline: the line just under the title.",
            f"The byline, paragraph 1, names {byline}.",
        ),
        Question(
            "In which paragraph does the body of the story begin?",
            tuple(str(n) for n in (0, 2, int(body.min()), int(body.min()) + 3)),
            str(int(body.min())),
            "The title, the byline and the photo captions come before the story itself.",
            f"Paragraphs 0 to {int(body.min()) - 1} are the title, byline and captions.",
        ),
        _basis_question(book),
    ]


def _basis_question(book: Any) -> Question:
    """How is Zelensky's "90% agreed" marked? (the answer is read from its basis)."""
    from newsfacts.show import BASIS_LABELS

    row = book.figures.set_index("id").loc["fig-plan-agreed"]
    return Question(
        f"Paragraph {int(row['paragraph'])}: Zelensky “said his plan to end the war with "
        f"Russia was {row['quote']}”. How is this 90% marked in the fact tables?",
        tuple(BASIS_LABELS.values()),
        BASIS_LABELS[row["basis"]],
        "Who gives the number: the article in its own voice, or a person it names?",
        "The article reports what Zelensky said; it does not say the number itself. "
        "That is why a fact table marks it as someone's claim.",
    )


def _lesson_01(book: Any) -> list[Question]:
    """Lesson 01: Who is who."""
    actors = book.actors.set_index("id")
    names = dict(zip(book.actors["id"], book.actors["name"], strict=True))

    kushner = actors.loc["kushner"]
    roles = [actors.loc[i, "role"] for i in ("kushner", "rutte", "frederiksen", "maduro")]

    stands = book.relations[
        (book.relations["source"] == "moscow")
        & (book.relations["relation"] == "stands for the government of")
    ].iloc[0]
    government = f"{names[stands['target']]}'s government"

    speakers = list(dict.fromkeys(book.claims["speaker"]))
    silent = next(i for i in ("macron", "starmer", "rutte", "witkoff") if i not in set(speakers))
    return [
        Question(
            "How does the article describe Jared Kushner?",
            tuple(sorted(roles)),
            kushner["role"],
            "Find the sentence that names him and read the words right around his name.",
            f"Paragraph {int(kushner['paragraph'])}: “{kushner['quote']}”, one of the "
            "“US mediators in peace talks”.",
        ),
        Question(
            f"Paragraph {int(stands['paragraph'])} says: “{stands['quote']} about 75% of the "
            "Donetsk region”. What does “Moscow” stand for here?",
            tuple(
                sorted({government, "the city of Moscow itself", "Ukraine's government", "Nato"})
            ),
            government,
            "A city on its own cannot control land. Who takes decisions for a country?",
            "News reports often name a government after its capital city. The fact tables "
            "mark this reading ◆ inferred: the article does not spell it out.",
        ),
        Question(
            "Why does the article write “the so-called Coalition of the Willing”?",
            (
                "To show the name is the group's own label, not the article's words",
                "To say that the group does not exist",
                "To list the countries in the group",
                "To quote Zelensky",
            ),
            "To show the name is the group's own label, not the article's words",
            "Look up “so-called” in the glossary.",
            "“So-called” marks a name that someone else chose. The article also does not "
            "list the group's members (paragraph 5).",
        ),
        Question(
            "Whose words does the article NOT report anywhere?",
            tuple(sorted({names[s] for s in speakers} | {names[silent]})),
            names[silent],
            "Look at the speaker column of book.claims: who appears there?",
            f"The article reports words of {', '.join(names[s] for s in speakers[:-1])} and "
            f"{names[speakers[-1]]}, but none of {names[silent]}'s.",
        ),
    ]


def _lesson_02(book: Any) -> list[Question]:
    """Lesson 02: Security guarantees."""
    events = book.events.set_index("id")
    figures = book.figures.set_index("id")

    plan = events.loc["ev-peace-plan"]
    unclear = "The article does not make it clear: it can be read either way"
    plan_answer = unclear if "ambiguous" in plan["note"].lower() else "Zelensky's"

    outstanding = figures.loc["fig-plan-outstanding"]
    topic = outstanding["description"].split(":")[-1].strip()

    seek = events.loc["ev-seek-agreement"]
    agreed = "The leaders have agreed on it"
    expected = "Leaders are expected to seek agreement on it"
    seek_answer = expected if seek["modality"] == "expected" else agreed
    return [
        who_said(book, "claim-15-years"),
        Question(
            f"Paragraph {int(plan['paragraph'])}: “Zelensky met Trump recently and said "
            f"{plan['quote']} was 90% agreed.” Whose plan is “his plan”?",
            ("Zelensky's", "Trump's", "Macron's", unclear),
            plan_answer,
            "Two men are named in that sentence. Does the article ever say whose plan it is?",
            "“His” could point back to Zelensky, the subject of the sentence, or to Trump, "
            "named just before. When a text is ambiguous, say so rather than guess.",
        ),
        Question(
            f"What does the outstanding 10% of the agreement concern "
            f"(paragraph {int(outstanding['paragraph'])})?",
            tuple(sorted({topic, "a multi-national force", "the backstop", "Ukraine's economy"})),
            topic,
            f"Read paragraph {int(outstanding['paragraph'])}, just after the 90% paragraph.",
            f"Paragraph {int(outstanding['paragraph'])}: the outstanding 10% “concerns "
            "territorial concessions Kyiv is being asked to agree to”. The article does not "
            "say who is asking.",
        ),
        Question(
            f"What does paragraph {int(seek['paragraph'])} say about a multi-national force "
            "to reassure Ukraine?",
            (
                agreed,
                expected,
                "The article says it has been turned down",
                "The article does not mention one",
            ),
            seek_answer,
            "Look at the first words of the paragraph: has anything been agreed yet?",
            f"Paragraph {int(seek['paragraph'])}: “{seek['quote']}”: expected, not agreed. "
            "The article does not say who expects it.",
        ),
    ]


def _lesson_03(book: Any) -> list[Question]:
    """Lesson 03: The territorial disputes."""
    figures = book.figures.set_index("id")
    donetsk = figures.loc["fig-donetsk-control"]
    value = f"{donetsk['value']:g}%"
    hedged = f"{_hedge(book, 'fig-donetsk-control')} {value}"
    luhansk = figures.loc["fig-luhansk-control"]

    aim = book.events.set_index("id").loc["ev-aim-donbas"]
    own = "The article itself: it is the article's own reasoning"
    aim_answer = own if aim["basis"] == "reported" else "Russia's government, in a statement"

    strike = book.events.set_index("id").loc["ev-lipetsk-strike"]
    places = dict(zip(book.places["id"], book.places["name"], strict=True))
    target = places[strike["place"]]
    return [
        Question(
            "How much of the Donetsk region does the article say Moscow currently controls?",
            tuple(
                sorted(
                    {
                        hedged,
                        f"exactly {value}",
                        f"more than {value}",
                        f"{_hedge(book, 'fig-luhansk-control')} {luhansk['value']:g}%",
                    }
                )
            ),
            hedged,
            f"Repeat the number the way paragraph {int(donetsk['paragraph'])} words it, "
            "small words included.",
            f"Paragraph {int(donetsk['paragraph'])}: “{donetsk['quote']}”. "
            f"The word “{_hedge(book, 'fig-donetsk-control')}” shows it is an estimate.",
        ),
        Question(
            f"Paragraph {int(aim['paragraph'])} says Russia has been making slow progress "
            "“and, therefore, is unwilling to compromise”. Who links these two with "
            "“therefore”?",
            (
                own,
                "Russia's government, in a statement",
                "Volodymyr Zelensky",
                "Nato Secretary General Mark Rutte",
            ),
            aim_answer,
            "Is there a verb of saying (said, insisted) in that paragraph?",
            "No one is quoted there: the article draws the link in its own voice. "
            "It is a reading of events, not Russia's own words.",
        ),
        Question(
            f"What was the latest target of Ukraine's drones (paragraph "
            f"{int(strike['paragraph'])})?",
            tuple(sorted({target, "Donetsk region", "Moscow", "a private medical clinic"})),
            target,
            f"Read paragraph {int(strike['paragraph'])}: Ukraine has also hit back.",
            f"Paragraph {int(strike['paragraph'])}: “the latest target being an oil depot in "
            "the Lipetsk region of western Russia”.",
        ),
        Question(
            f"Why keep the word “{_hedge(book, 'fig-luhansk-control')}” when you repeat "
            f"“{luhansk['quote']}”?",
            (
                "It shows the number is an estimate, not an exact count",
                "It means less than half",
                "It shows that Zelensky said it",
                "It is a spelling mistake",
            ),
            "It shows the number is an estimate, not an exact count",
            "What would change if you left it out? Would the number sound more exact?",
            "A hedge such as “about”, “some” or “more than” tells you the writer is "
            "estimating. Leaving it out makes the number sound more certain than the article "
            "says it is.",
        ),
    ]


def _say_date(when: str) -> str:
    """A pack date in words: '2026-01-03' -> '3 January 2026', '2022-02' -> 'February 2022'."""
    months = (
        "January February March April May June July August September October November December"
    ).split()
    parts = [int(part) for part in when.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = f"{months[parts[1] - 1]} {parts[0]}"
    return f"{parts[2]} {month}" if len(parts) == 3 else month


def _lesson_04(book: Any) -> list[Question]:
    """Lesson 04: Venezuela."""
    import re

    claim = book.claims.set_index("id").loc["claim-run-venezuela"]
    paragraph = int(claim["paragraph"])
    text = str(book.paragraphs.set_index("paragraph").loc[paragraph, "text"])
    quoted = re.findall(r'"([^"]+)"', text)[0]
    raid = book.events.set_index("id").loc["ev-venezuela-raid"]
    found = re.search(r"from ([^.]+)\.\s*$", str(raid["note"]))
    outside = f"From outside the article: {found.group(1) if found else 'another report'}"
    leaders = book.relations.set_index("id").loc["rel-leaders-trump"]
    reluctant = f"They have been {leaders['relation']} it"
    return [
        who_said(book, "claim-run-venezuela"),
        Question(
            f"In paragraph {paragraph}, which word is in quotation marks, so it is Trump's own "
            "word?",
            tuple(sorted({quoted, "unspecified", "period", "Venezuela"})),
            quoted,
            f"Look for the quotation marks in paragraph {paragraph}: they show a speaker's "
            "own words.",
            f"Only “{quoted}” is in quotation marks. The rest of the sentence is the article's "
            "own wording of what he said.",
        ),
        Question(
            "The article gives no date for the raid. Where does the date in this pack "
            f"({_say_date(str(raid['when']))}) come from?",
            (
                f"From paragraph {int(raid['paragraph'])} of the article",
                f"From Trump's words in paragraph {paragraph}",
                "From the photo caption",
                outside,
            ),
            outside,
            "Look at the when_basis column of the raid's row: what does 'context' mean?",
            "The date is marked ▲ context: it comes from another report, named in the note, "
            "not from the article.",
        ),
        Question(
            "How have European leaders responded to Trump's intervention in Venezuela, "
            "according to the article?",
            (
                "They have all strongly criticised it",
                reluctant,
                "They have sided with Venezuela",
                "The article does not mention them",
            ),
            reluctant,
            f"Read paragraph {int(leaders['paragraph'])} again.",
            f"Paragraph {int(leaders['paragraph'])}: “{leaders['quote']}”. The article does not "
            "say which leaders, or why.",
        ),
    ]


def _lesson_05(book: Any) -> list[Question]:
    """Lesson 05: Greenland."""
    greenland = book.actors.set_index("id").loc["greenland"]
    what = f"A {greenland['role']}"
    names = dict(zip(book.actors["id"], book.actors["name"], strict=True))
    relations = book.relations[book.relations["target"] == "denmark"]
    sides = relations[relations["relation"] == "sides with"]
    many = "Many European leaders, including " + " and ".join(
        names[source].split()[-1] for source in sides["source"]
    )
    leaders = relations[relations["source"] == "european-leaders"].iloc[0]
    paragraph = int(leaders["paragraph"])
    focus = book.events.set_index("id").loc["ev-macron-focus"]
    own = "No: it is the article's own expectation; Macron is not quoted"
    said = "Yes: Macron said it at the Paris meeting"
    return [
        Question(
            "What is Greenland, according to the article?",
            ("A region of the US", "A city in Denmark", what, "A member of the coalition"),
            what,
            f"Read paragraph {int(greenland['paragraph'])}: the words after the dash that "
            "follows the name.",
            f"Paragraph {int(greenland['paragraph'])}: “{greenland['quote']}”. The article "
            "tells us nothing more about Greenland.",
        ),
        who_said(book, "claim-end-of-alliance"),
        Question(
            "Who has sided with Denmark over Greenland, according to the article?",
            ("All European leaders", many, "Only Emmanuel Macron", "No European leader"),
            many,
            f"Read paragraph {paragraph} and look closely at the first word after 'But'.",
            f"Paragraph {paragraph}: “{leaders['quote']}”. 'Many' is not all: the "
            "article does not say who did not.",
        ),
        Question(
            f"Paragraph {int(focus['paragraph'])}: “{focus['quote']}”. Did Macron say this?",
            ("Yes: Frederiksen said it about Macron", said, own),
            said if "macron" in set(book.claims["speaker"]) else own,
            "Is there a verb of saying in that sentence? Who is speaking?",
            f"The sentence is in the article's own voice, and it is {focus['modality']}, not "
            "something that has happened: the article says what it thinks Macron will want.",
        ),
    ]


def _lesson_06(book: Any) -> list[Question]:
    """Lesson 06: Review."""
    coalition = book.figures.set_index("id").loc["fig-coalition-countries"]
    number = int(coalition["value"])
    count = f"{_hedge(book, 'fig-coalition-countries')} {number} countries"
    events = book.events.set_index("id")
    picked = ["ev-invasion", "ev-lipetsk-strike", "ev-sided-with-denmark", "ev-macron-focus"]
    future = next(i for i in picked if events.loc[i, "modality"] != "happened")
    dated = events[events["when"] != ""]
    own = dated[dated["when_basis"] == "reported"].iloc[0]
    response = events.loc["ev-russia-response"]
    voice = "The article's own judgement: no one is quoted"
    return [
        Question(
            "How many countries are meeting in Paris, in the article's words "
            f"(paragraph {int(coalition['paragraph'])})?",
            (f"exactly {number} countries", count, f"fewer than {number} countries"),
            count,
            f"Find the number in paragraph {int(coalition['paragraph'])} and read the words "
            "just before it.",
            f"“{coalition['quote']}”. Keep the hedge when you repeat a number.",
        ),
        Question(
            "Which of these does the article report only as expected, not as something that "
            "has happened?",
            tuple(str(events.loc[i, "description"]) for i in picked),
            str(events.loc[future, "description"]),
            "Look for words about the future.",
            f"Paragraph {int(events.loc[future, 'paragraph'])}: “{events.loc[future, 'quote']}”. "
            "The article expects it; it reports the others as done.",
        ),
        Question(
            "Only one of these dates is written in the article itself. Which one?",
            tuple(_say_date(str(when)) for when in sorted(dated["when"], reverse=True)),
            _say_date(str(own["when"])),
            "The other dates are marked ▲ context: they come from other reports.",
            f"Paragraph {int(own['paragraph'])}: “{own['when_text']}”. The article gives no "
            "date for the Florida talks, the raid or the Paris meeting.",
        ),
        Question(
            f"Paragraph {int(response['paragraph'])} says Russia's response has been “far from "
            "encouraging”. Whose judgement is that?",
            ("Russia's government", "Volodymyr Zelensky", voice, "Donald Trump"),
            voice if response["basis"] == "reported" else "Russia's government",
            f"Read paragraph {int(response['paragraph'])}: is there a verb of saying, and whose "
            "is it?",
            "The article says it in its own voice. It does not say encouraging to whom, nor "
            "quote Russia.",
        ),
    ]


#: Lesson number -> a function that makes that lesson's questions from a book.
QUESTIONS: dict[str, Callable[[Any], list[Question]]] = {
    "00": _lesson_00,
    "01": _lesson_01,
    "02": _lesson_02,
    "03": _lesson_03,
    "04": _lesson_04,
    "05": _lesson_05,
    "06": _lesson_06,
}


def questions(book: Any, lesson: str) -> list[Question]:
    """The closing questions of one lesson ("00" to "06")."""
    from newsfacts.errors import UnknownNameError
    from newsfacts.suggest import closest

    if isinstance(lesson, bool) or not isinstance(lesson, str | int):
        from newsfacts.errors import describe_value

        raise TypeError(
            f"Give the lesson's number, such as '03' or 3; you passed {describe_value(lesson)}."
        )
    asked = lesson
    lesson = str(lesson).strip()
    lesson = lesson.zfill(2) if lesson else lesson
    if lesson not in QUESTIONS:
        raise UnknownNameError(
            asked,
            closest(lesson, list(QUESTIONS)),
            what="lesson",
            hint=f"The lessons are {', '.join(QUESTIONS)}.",
        )
    try:
        return QUESTIONS[lesson](book)
    except (LookupError, IndexError) as missing:
        raise ValueError(
            f"The closing questions of lesson {lesson} are written for the Paris article, and "
            f"this pack lacks what they ask about ({missing}). For another article, write "
            "your own questions with multiple_choice(...) or who_said(book, claim_id)."
        ) from None


def check_understanding(book: Any, lesson: str):
    """The closing quiz of one lesson, as widgets with instant feedback."""
    return quiz(questions(book, lesson))


__all__ = ["QUESTIONS", "questions", "check_understanding", "who_said"]
