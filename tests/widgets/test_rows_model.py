"""The live lists keep the operator's selection while their rows are rebuilt."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QWidget

from tests.model_contract import check_ahead_of_proxy
from widgets.live.simple_table import ID_ROLE, Cell, row_table


def rows_for(ids: list[str], tag: str = "") -> list[list[Cell]]:
    return [[Cell(f"{i}{tag}"), Cell(str(len(i)))] for i in ids]


def shown(proxy) -> list[str]:
    return [proxy.data(proxy.index(r, 0)) for r in range(proxy.rowCount())]


def selected_id(view, proxy) -> str | None:
    rows = view.selectionModel().selectedRows()
    return proxy.data(rows[0], ID_ROLE) if rows else None


def test_rebuilds_keep_the_selected_row_and_update_texts(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    model, proxy, view = row_table(["Name", "Len"], parent)
    ids = ["a", "b", "c", "d"]
    model.set_rows(ids, rows_for(ids))
    view.selectionModel().select(
        proxy.index(2, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert selected_id(view, proxy) == "c"
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))

    new = ["n1", "a", "c", "n2", "d"]  # b left, two arrived, one between kept rows
    model.set_rows(new, rows_for(new, "*"))
    assert shown(proxy) == ["n1*", "a*", "c*", "n2*", "d*"]
    assert selected_id(view, proxy) == "c"  # still what the operator picked
    assert resets == []

    model.set_rows(new, rows_for(new, "+"))  # same ids: texts change in place
    assert shown(proxy)[2] == "c+" and selected_id(view, proxy) == "c"

    model.set_rows(["z"], rows_for(["z"]))  # everything replaced
    assert shown(proxy) == ["z"] and selected_id(view, proxy) is None

    swapped = ["d", "z", "a"]
    model.set_rows(["a", "z", "d"], rows_for(["a", "z", "d"]))
    model.set_rows(swapped, rows_for(swapped))  # kept rows reordered: a reset, still right
    assert shown(proxy) == ["d", "z", "a"] and resets == [1]


def test_row_cache_rebuilds_only_rows_whose_content_changed():
    from widgets.live.simple_table import RowCache

    cache = RowCache()
    built: list[str] = []

    def build(ids, texts):
        def make(k: int) -> list[Cell]:
            built.append(ids[k])
            return [Cell(texts[k])]

        return make

    ids, texts = ["a", "b", "c"], ["1", "2", "3"]
    first = cache.rows(ids, texts, build(ids, texts))
    assert built == ["a", "b", "c"]
    built.clear()
    ids2, texts2 = ["a", "b", "d"], ["1", "2*", "4"]  # a same, b changed, c gone, d new
    second = cache.rows(ids2, texts2, build(ids2, texts2))
    assert built == ["b", "d"]
    assert second[0] is first[0] and second[1][0].text == "2*"
    built.clear()
    cache.rows(["c"], ["3"], build(["c"], ["3"]))  # c was dropped: built again
    assert built == ["c"]


def test_only_changed_rows_are_announced(qtbot):
    """A rebuild where nothing changed costs the proxy and the view nothing; a changed
    row is announced alone (the proxy re-sorts and the view repaints per announcement)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    model, proxy, _view = row_table(["Name", "Len"], parent)
    ids = ["a", "b", "c", "d", "e"]
    rows = rows_for(ids)
    model.set_rows(ids, rows)
    announced: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last, *_: announced.append((first.row(), last.row())))

    model.set_rows(ids, list(rows))  # same cells (as RowCache hands back): silence
    assert announced == []

    rows = [*rows[:1], [Cell("b!"), Cell("2")], rows[2], [Cell("d!"), Cell("2")], rows[4]]
    model.set_rows(ids, rows)
    assert announced == [(1, 1), (3, 3)]
    assert shown(proxy) == ["a", "b!", "c", "d!", "e"]


def select_row(view, proxy, row: int) -> None:
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
    view.selectionModel().select(proxy.index(row, 0),
                                 flags | QItemSelectionModel.SelectionFlag.Rows)
    view.selectionModel().setCurrentIndex(
        proxy.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)


def test_rows_asked_for_while_rows_leave_are_shown_after_the_change(qtbot, qtmodeltester):
    """Qt's selection model reports the selected row leaving from inside the removal
    (selectionChanged from rowsAboutToBeRemoved). A list that rebuilds on that signal
    (the alert list releasing its held order) changed the model inside its own removal:
    the sorting proxy's bookkeeping broke and the console crashed in beginRemoveRows.
    The rows asked for then are shown right after the change under way."""
    parent = QWidget()
    qtbot.addWidget(parent)
    model, proxy, view = row_table(["Name", "Len"], parent)
    check_ahead_of_proxy(qtmodeltester, model, proxy)
    ids = ["a", "b", "c", "d", "e"]
    model.set_rows(ids, rows_for(ids))
    select_row(view, proxy, 2)
    asked: list[list[str]] = []

    def rebuild(*_args: object) -> None:
        if not asked:
            asked.append(list(model.ids))
            later = ["a", "b", "n"]
            model.set_rows(later, rows_for(later))

    view.selectionModel().selectionChanged.connect(rebuild)
    model.set_rows(["a", "b", "d", "e"], rows_for(["a", "b", "d", "e"]))  # c leaves
    assert asked, "the selection model did not report the selected row leaving"
    assert model.ids == ["a", "b", "n"] and shown(proxy) == ["a", "b", "n"]
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["a", "b", "n"]


def test_rebuilds_from_selection_signals_keep_model_and_proxy_whole(qtbot):
    """Many rebuilds in a row, each removing selected rows while slots on the selection
    signals rebuild again (a seeded random mix of removals, insertions and resets).
    Before the fix this crashed the process within a few dozen rounds."""
    import random

    rng = random.Random(20261127)
    for _round in range(150):
        parent = QWidget()
        model, proxy, view = row_table(["Name", "Len"], parent)
        ids = [str(k) for k in range(rng.randint(5, 200))]
        model.set_rows(ids, rows_for(ids))
        fresh = iter(f"n{k}" for k in range(10_000))
        nested = [0]

        def rebuild(*_args: object, model=model, nested=nested, fresh=fresh) -> None:
            if nested[0] < 2:
                nested[0] += 1
                later = [i for i in model.ids if rng.random() < 0.6]
                later += [next(fresh) for _ in range(rng.randint(0, 20))]
                if rng.random() < 0.2:  # kept rows reordered: a reset
                    rng.shuffle(later)
                model.set_rows(later, rows_for(later))

        chosen = rng.sample(range(len(ids)), rng.randint(1, 4))
        for row in chosen:
            view.selectionModel().select(
                proxy.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
        view.selectionModel().setCurrentIndex(
            proxy.index(chosen[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        view.selectionModel().selectionChanged.connect(rebuild)
        view.selectionModel().currentRowChanged.connect(rebuild)
        gone = {ids[row] for row in chosen}
        kept = [i for i in ids if i not in gone and rng.random() < 0.8]
        model.set_rows(kept, rows_for(kept))
        assert len(model.ids) == len(model.rows) == model.rowCount() == proxy.rowCount()
        assert sorted(shown(proxy)) == sorted(model.ids)
        view.deleteLater()
        parent.deleteLater()
