"""Finding an excerpt in its article: whitespace and the kind of quotation mark aside."""

from __future__ import annotations

from tripdesk.excerpts import ArticleText, contains, normalise

ARTICLE = ("구미시 대표단은 15일 헌츠빌 상공회의소를 방문해\n방산 협력을 논의했다.\n\n"
           "김 시장은 “첨단 방위산업의 중심이 되겠다”고 말했다. 김 시장은 또 말했다.")


def test_an_excerpt_is_found_where_it_stands_in_the_article() -> None:
    article = ArticleText(ARTICLE)
    span = article.find("헌츠빌 상공회의소를 방문해")
    assert span is not None
    assert ARTICLE[span[0]:span[1]] == "헌츠빌 상공회의소를 방문해"


def test_line_breaks_and_missing_or_extra_spaces_do_not_count() -> None:
    article = ArticleText(ARTICLE)
    span = article.find("방문해 방산협력을  논의했다.")
    assert span is not None
    assert ARTICLE[span[0]:span[1]] == "방문해\n방산 협력을 논의했다."


def test_straight_quotes_match_curly_ones_and_the_reverse() -> None:
    article = ArticleText(ARTICLE)
    span = article.find('"첨단 방위산업의 중심이 되겠다"고')
    assert span is not None
    assert ARTICLE[span[0]:span[1]] == "“첨단 방위산업의 중심이 되겠다”고"
    assert ArticleText("He said 'yes'.").find("said ‘yes’") == (3, 13)


def test_an_excerpt_not_in_the_article_or_blank_is_not_found() -> None:
    article = ArticleText(ARTICLE)
    assert article.find("헌츠빌 상공회의소를 빙문해") is None  # one character changed
    assert article.find("   \n") is None
    assert not contains(ARTICLE, "")
    assert contains(ARTICLE, "상공회의소를방문해")


def test_every_occurrence_and_a_search_from_a_given_place() -> None:
    article = ArticleText(ARTICLE)
    spans = list(article.find_all("김 시장은"))
    assert len(spans) == 2 and all(ARTICLE[a:b] == "김 시장은" for a, b in spans)
    assert article.find("김 시장은", spans[0][0] + 1) == spans[1]


def test_normalise_drops_whitespace_and_unifies_quotes() -> None:
    assert normalise(" “a” ‘b’\t「c」\n") == '"a""b""c"'
