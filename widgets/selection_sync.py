"""Selection follows the operator: one selected object, shown everywhere.

The map model holds the selection (`MapModel.select` / `selection_changed`). A list
that shows objects of a layer pushes the operator's row choice into the model and
follows the model's choice back: it selects and scrolls to the object's row, or clears
its selection when the object is elsewhere or filtered out. The inspector shows the
selected object the way a click on the map would, and the map draws a halo around it
(layers keep the highlight, see `MapModel.select`).

Loops cannot start: the model emits only on a real change, and a list moved by the
model does not push back (a guard flag). Only a selection the operator made reaches
the model: when rows leave a list (an incident resolved drops out of the "Open"
filter), the view moves the selection to a neighbour. That move is not the
operator's, and would jump the inspector to another incident; so a list's choice is
pushed on the next event-loop turn, and dropped if rows left, moved or were reset in
the same turn (the list then shows the model's selection again). The list never takes
the keyboard focus when it follows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView

from layers.map_model import MapModel, Selection
from widgets.record_items import show_item

if TYPE_CHECKING:
    from widgets.shell import FeatureShell

IdAt = Callable[[QModelIndex], "str | None"]
IndexOf = Callable[[str], "QModelIndex | None"]


class ListFollower(QObject):
    """Binds one list view of `layer_id` objects to the map model's selection."""

    def __init__(
        self,
        model: MapModel,
        view: QAbstractItemView,
        layer_id: str,
        id_at: IdAt,
        index_of: IndexOf,
    ) -> None:
        super().__init__(view)
        self.model, self.view, self.layer_id = model, view, layer_id
        self._id_at, self._index_of = id_at, index_of
        self._following = False
        self._moved_by_rows = False
        self._push = QTimer(self)
        self._push.setSingleShot(True)
        self._push.setInterval(0)
        self._push.timeout.connect(self._push_choice)
        rows = view.model()
        for signal in (rows.rowsRemoved, rows.layoutChanged, rows.modelReset):
            signal.connect(self._on_rows_moved)
        rows.modelReset.connect(self.follow)  # a reset (new order) drops the selection
        # an object selected before its row arrived (a list fills in chunks) is shown
        # once it is listed
        rows.rowsInserted.connect(self._follow_if_unshown)
        view.selectionModel().selectionChanged.connect(self._on_list_selection)
        model.selection_changed.connect(self.follow)

    def close(self) -> None:
        self._push.stop()
        self.model.selection_changed.disconnect(self.follow)

    def _on_list_selection(self, *_args: object) -> None:
        if not self._following:
            self._push.start()

    def _on_rows_moved(self, *_args: object) -> None:
        if self._push.isActive():  # the pending choice was the view's, not the operator's
            self._moved_by_rows = True

    def _follow_if_unshown(self, *_args: object) -> None:
        selection = self.model.selection
        if (selection is not None and selection.layer_id == self.layer_id
                and not self.view.selectionModel().hasSelection()):
            self.follow(selection)

    def _push_choice(self) -> None:
        """The operator picked a row (mouse or keys): select its object everywhere."""
        if self._moved_by_rows:
            self._moved_by_rows = False
            self.follow()
            return
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return  # a deselection selects nothing else
        item_id = self._id_at(rows[0])
        if item_id is not None:
            self.model.select(self.layer_id, item_id)

    def follow(self, selection: Selection | None = None) -> None:
        """Show the model's selection in this list, without taking the focus."""
        selection = self.model.selection if selection is None else selection
        index = None
        if selection is not None and selection.layer_id == self.layer_id:
            index = self._index_of(selection.item_id)
        chooser = self.view.selectionModel()
        self._following = True
        try:
            if index is None or not index.isValid():
                chooser.clearSelection()
                return
            if chooser.isRowSelected(index.row(), index.parent()) and len(
                chooser.selectedRows()
            ) == 1:
                return
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            chooser.setCurrentIndex(index, flags)
            self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._following = False


def inspect_selection(shell: FeatureShell) -> None:
    """The inspector shows the selected object (as a click on it would). A map click
    already showed every hit under the cursor: then only the matching one is chosen."""

    def on_selection(selection: Selection | None) -> None:
        if selection is None:
            return
        inspector = shell.inspector
        shown = inspector.selected_hit()
        if shown is not None and (shown.layer_id, shown.item_id) == (
            selection.layer_id,
            selection.item_id,
        ):
            return
        if not inspector.choose(selection.layer_id, selection.item_id):
            show_item(shell, selection.layer_id, selection.item_id)

    shell.model.selection_changed.connect(on_selection)
    shell.on_close(lambda: shell.model.selection_changed.disconnect(on_selection))


def follow_list(
    shell: FeatureShell,
    view: QAbstractItemView,
    layer_id: str,
    id_at: IdAt,
    index_of: IndexOf,
) -> ListFollower:
    """Bind a list to the selection for the window's life (teardown registered)."""
    follower = ListFollower(shell.model, view, layer_id, id_at, index_of)
    shell.on_close(follower.close)
    return follower
