"""The destinations view grouped (issue 18, item 2): `d` lists the cities visited under their
country and state, each level with the trips that went there; a city every trip reached by an
inferred place is marked, and the mark explained; Enter folds a country or state and opens a
city's trips, as it did in the flat list."""

from __future__ import annotations

from pathlib import Path

from tripdesk.store import queries
from tripdesk.store import Store
from tripdesk.ui.app import TripdeskApp

from .test_ui import data_store, db, move_cities_to  # noqa: F401 - the fixtures: a copy of the bundled store
from .test_ui_support import async_test, press, screen_lines, screen_text, settle


def pane_line(app: TripdeskApp, name: str) -> str:
    """The city pane's line that shows `name` (the pane is the screen's first 34 columns)."""
    for line in screen_lines(app):
        pane = line[:34]
        if name in pane:
            return pane
    raise AssertionError(f"{name} is not in the city pane:\n" + "\n".join(l[:34] for l in screen_lines(app)))


def count_on(line: str) -> int:
    return int(line.strip("│ ").split()[-1])


async def open_destinations(pilot) -> None:  # noqa: ANN001
    await settle(pilot)
    await press(pilot, "d")
    await settle(pilot)


@async_test
async def test_destinations_are_grouped_by_country_and_state_with_their_trips(db: Path) -> None:  # noqa: F811
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_destinations(pilot)
        # Three trips went to California (2013, 2017, 2024): its cities' counts add up to 7.
        assert count_on(pane_line(app, "United States")) == 4
        assert count_on(pane_line(app, "California")) == 3
        assert count_on(pane_line(app, "Irvine")) == 2  # 2017 and 2024
        assert count_on(pane_line(app, "Washington ")) == 1 and "Seattle" in screen_text(app)
        lines = [line[:34] for line in screen_lines(app)]
        california = next(i for i, line in enumerate(lines) if "California" in line)
        assert "Carlsbad" in lines[california + 1]  # its cities under it, by name
        # Los Angeles rests on an inferred place (the 2013 meeting's): marked, and explained.
        assert "Los Angeles *" in pane_line(app, "Los Angeles")
        assert "*" not in pane_line(app, "Irvine")  # 2017 stated it
        legend = " ".join(line[:34].strip("│ ") for line in screen_lines(app)[-6:-2])
        assert "* inferred on every visit: see the day's note" in legend  # whole, wrapped


@async_test
async def test_enter_folds_a_state_and_opens_a_city_as_before(db: Path) -> None:  # noqa: F811
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_destinations(pilot)
        await move_cities_to(pilot, lambda d: d.kind == "region" and d.key == "US/CA")
        await press(pilot, "enter")  # folds California
        assert "Carlsbad" not in screen_text(app) and "California" in screen_text(app)
        await press(pilot, "enter")  # and opens it again
        assert "Carlsbad" in screen_text(app)
        await move_cities_to(pilot, lambda d: d.kind == "group" and d.key.endswith("/los angeles"))
        await press(pilot, "enter")  # a city: its trips, as in the flat list
        await settle(pilot)
        assert "2013 Gumi · Gumi e" in pane_line(app, "2013 ")  # its trip, as in the flat list
        await press(pilot, "down", "enter")
        assert app.main.trip is not None and app.main.trip.id == "gumi-2013-san-diego"
        await press(pilot, "1", "right_square_bracket")  # ] goes on to the next city's trip
        await settle(pilot)
        node = app.main.cities.tree.cursor_node
        assert node.data.kind == "trip" and node.parent.data.key.endswith("/newport beach")


@async_test
async def test_the_korean_desk_groups_by_korean_names(db: Path) -> None:  # noqa: F811
    app = TripdeskApp(db_path=db, language="ko")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_destinations(pilot)
        text = screen_text(app)
        assert "미국" in text and "캘리포니아" in text and "앨라배마" in text
        assert count_on(pane_line(app, "캘리포니아")) == 3
        legend = " ".join(line[:25].strip("│ ") for line in screen_lines(app)[-6:-2])
        assert "* 모든 방문이 추정한 장소: 그날의 설명 참고" in legend, legend  # whole, wrapped


def test_a_destination_is_inferred_only_when_every_visit_is(db: Path) -> None:  # noqa: F811
    with Store.open(db, create=False) as store:
        groups = queries.destination_groups(store)
        inferred = queries.inferred_destinations(store, {row.key for row in groups.rows})
        assert sorted(groups.rows) == sorted(queries.destinations(store))  # the same cities and counts
    assert "us/ca/los angeles" in inferred
    assert "us/ca/irvine" not in inferred  # inferred in 2024, stated in 2017
    assert "us/al/huntsville" not in inferred  # the 16th inferred, the 15th stated
    assert groups.states[("US", "CA")] == 3 and groups.countries["US"] == 4


@async_test
async def test_a_store_of_many_cities_opens_at_its_states(tmp_path: Path) -> None:
    """With more than OPEN_STATES_UP_TO cities, the states start closed (each fold lays out
    every open line again): the countries and states are listed, Enter opens a state."""
    from tripdesk.bench import generate as gen
    from tripdesk.store.importer import import_paths
    from tripdesk.ui.panes.city import OPEN_STATES_UP_TO

    gen.generate(tmp_path / "trips", 120, 1)
    with Store.open(tmp_path / "many.db") as store:
        import_paths(store, [tmp_path / "trips"])
        cities = len(queries.destination_groups(store).rows)
    assert cities > OPEN_STATES_UP_TO
    app = TripdeskApp(db_path=tmp_path / "many.db", language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_destinations(pilot)
        pane = app.main.cities
        states = [n for country in pane.tree.root.children for n in country.children
                  if n.data.kind == "region"]
        assert states and not any(state.is_expanded for state in states)
        pane.tree.move_cursor(states[0])
        await press(pilot, "enter")
        assert states[0].is_expanded and states[0].children
        await press(pilot, "down")  # onto its first city
        assert pane.tree.cursor_node is states[0].children[0]
        assert states[0].children[0].data.name.city.en in screen_text(app)


@async_test
async def test_a_kept_list_put_back_after_a_language_change_is_in_that_language(db: Path) -> None:  # noqa: F811
    """`d` puts back the destinations as they were left (docs/performance.md): after `L`
    meanwhile, in the new language's words and order, as a list built anew would be."""
    app = TripdeskApp(db_path=db, language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_destinations(pilot)
        pane = app.main.cities
        assert "California" in screen_text(app)
        await press(pilot, "d")  # home cities; the destinations are kept
        assert "dest" in pane._kept
        await press(pilot, "L", "L")  # en -> both -> ko
        assert app.language == "ko"
        await press(pilot, "d")
        states = pane.tree.root.children[0].children  # the United States' (미국)
        names = [n.data.name.get("ko") for n in states]
        assert names == sorted(names) and names[0] == "네바다"
        california = next(n for n in states if n.data.key == "US/CA")
        cities = [n.data.name.city.get("ko") for n in california.children]
        assert cities == sorted(cities) and cities[0] == "뉴포트비치"
        text = screen_text(app)
        assert "캘리포니아" in pane_line(app, "캘리포니아") and "California" not in text
