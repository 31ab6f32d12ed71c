"""Which texts the guard refuses as not English (invented text)."""

from __future__ import annotations

import pytest

from checks.errors import NotEnglish
from checks.guard import validate_text

BOX_SCORE = ("Harbor Prep d. Eastfield 61-40\nHarbor Prep 15 17 12 17 — 61\nEastfield 10 9 11 10 — 40\n"
             "Harbor Prep (2-0): Okafor 21 points. Lindqvist 12 points. Ruiz 9 points. Tanaka 8 points. "
             "Moreau 6 points. Bell 5 points.\nEastfield (0-2): Haldane 14 points. Pike 10 points. Voss 8 "
             "points. Marsh 4 points. Quinn 4 points.\nWestbrook d. Lakeview 48-45\nWestbrook (1-1): "
             "Dale Orr 17 points and 4 steals. Tom Iker 11 rebounds.")
MEAL_PLAN = ("Meal Prep Menu\nBreakfast\nEat within an hour of waking\nOat Bowl [1 cup rolled oats, ½ cup "
             "blueberries, 1 tbsp. almond butter]\nPortion Containers: 1 Purple, 1 Yellow, 1 tsp.\nLunch\n"
             "Turkey Wrap [4 oz. sliced turkey, 1 whole-wheat tortilla, 1 cup spinach, ¼ avocado]\n"
             "Portion Containers: 1 Green, 1 Red, 1 Yellow, 1 Blue\nSnack\n1 apple, 2 tsp. peanut butter\n"
             "Dinner\nSalmon Plate [4 oz. baked salmon, 1 cup roasted broccoli, ½ cup brown rice]")


@pytest.mark.parametrize("text", [BOX_SCORE, MEAL_PLAN], ids=["box score", "meal plan"])
def test_an_english_list_with_few_function_words_is_checked(text: str) -> None:
    """Names, amounts and foods, one a line: few of English's function words, none of another
    language's. Both were refused as "not English"."""
    validate_text(text)


@pytest.mark.parametrize("text", [
    "Die Digitalisierung zieht sich bereits durch fast alle Branchen, sei es im Finanzbereich oder in der "
    "Industrie. Auch wenn nicht jedes Geschäftsmodell bedroht ist, bieten neue Technologien Potenziale "
    "für mehr Effizienz und bessere Prozesse. Das Unternehmen will mit dem Programm \"Smart Care for "
    "the Future\" die Kosten senken und die Qualität der Pflege verbessern.",
    "Премьер-министр заявил во вторник, что переговоры с соседней страной приостановлены до конца "
    "месяца, и новая дата встречи пока не назначена. Представители обеих сторон отказались от "
    "комментариев, сославшись на продолжающиеся консультации с партнёрами и экспертами отрасли.",
], ids=["German with an English title", "Russian"])
def test_prose_in_another_language_is_refused(text: str) -> None:
    with pytest.raises(NotEnglish):
        validate_text(text)
