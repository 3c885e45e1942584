"""Recent files and preferences persist between runs (in the test's own settings file)."""

from __future__ import annotations

from editor.settings import MAX_RECENT_FILES, Preferences, RecentFiles, settings_store
from tests.support.windows import copy_example


def test_settings_go_to_the_folder_the_environment_names(isolated_settings):
    folder, _ = isolated_settings
    store = settings_store()
    store.setValue("probe", 1)
    store.sync()
    assert (folder / "Kumozu.ini").exists()


def test_recent_files_are_newest_first_unique_and_at_most_ten(tmp_path):
    files = []
    for n in range(MAX_RECENT_FILES + 3):
        path = tmp_path / f"d{n}.kumozu.yaml"
        path.write_text("format: kumozu\nversion: 1\n", encoding="utf-8")
        files.append(str(path.resolve()))
    recent = RecentFiles()
    for path in files:
        recent.add(path)
    recent.add(files[-5])  # opened again: moves to the top, not listed twice
    paths = RecentFiles().paths()  # a fresh object reads the stored list
    assert paths[0] == files[-5]
    assert len(paths) == MAX_RECENT_FILES and len(set(paths)) == MAX_RECENT_FILES
    assert files[0] not in paths


def test_recent_files_that_vanished_are_dropped(tmp_path):
    kept, gone = tmp_path / "kept.kumozu.yaml", tmp_path / "gone.kumozu.yaml"
    for path in (kept, gone):
        path.write_text("format: kumozu\nversion: 1\n", encoding="utf-8")
        RecentFiles().add(str(path))
    gone.unlink()
    assert RecentFiles().paths() == [str(kept.resolve())]


def test_preferences_round_trip_and_bad_values_fall_back_to_defaults():
    prefs = Preferences(snap_to_grid=False, grid_size=25, autosave_seconds=90, confirm_delete=False,
                        default_region="ap-northeast-1")
    prefs.save()
    assert Preferences.load() == prefs
    store = settings_store()
    store.setValue("preferences/grid_size", "many")
    store.setValue("preferences/autosave_seconds", 1)
    store.sync()
    loaded = Preferences.load()
    assert loaded.grid_size == Preferences().grid_size and loaded.autosave_seconds == 5


def test_the_open_recent_menu_lists_saved_and_opened_files(qtbot, make_window, tmp_path):
    first = copy_example(tmp_path, "route-tables")
    window = make_window(first)
    second = copy_example(tmp_path, "ecs-fargate")
    window.files.open_path(str(second))
    menu = window.menu_actions.recent_menu
    menu.aboutToShow.emit()
    listed = [a.data() for a in menu.actions() if a.data()]
    assert listed == [str(second.resolve()), str(first.resolve())]
    again = make_window()  # a new window (a new run) sees the same list
    again.menu_actions.recent_menu.aboutToShow.emit()
    assert [a.data() for a in again.menu_actions.recent_menu.actions() if a.data()] == listed


def test_snap_to_grid_is_remembered(qtbot, make_window):
    window = make_window()
    window.menu_actions.snap.trigger()  # on by default: this turns it off
    assert window.canvas.snap_enabled is False
    assert Preferences.load().snap_to_grid is False
    assert make_window().menu_actions.snap.isChecked() is False


def test_preferences_from_the_dialog_reach_the_canvas_and_the_autosave(qtbot, make_window, dialogs,
                                                                      monkeypatch):
    from editor.preferences_dialog import PreferencesDialog
    window = make_window()
    original_init = PreferencesDialog.__init__

    def fill(self, *args, **kwargs):  # what the user would type into the real dialog
        original_init(self, *args, **kwargs)
        self.grid.setValue(40)
        self.autosave.setValue(120)
        self.confirm.setChecked(False)
        self.region.setCurrentText("eu-west-1")

    monkeypatch.setattr(PreferencesDialog, "__init__", fill)
    dialogs.answer("OK")
    window.menu_actions.preferences.trigger()
    assert dialogs.done
    assert window.canvas.grid_size == 40 and window.canvas.confirm_delete is False
    assert window.autosaver.interval_ms == 120_000
    assert Preferences.load().default_region == "eu-west-1"
    window.menu_actions.new.trigger()
    assert window.document.diagram.region == "eu-west-1"  # new designs start there
