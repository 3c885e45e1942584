"""The Labs panel: the built-in course to choose from, then the lab being worked on.

The first page lists the course (and a lab opened from a file) with the chosen lab's story and the
ways to begin: start from the lab's own design, or check the design already open. The second page
is the lab itself: its title and story, the goals ticking as the student edits, the hints one at a
time, what to read, and, once every goal is met, a summary. The panel only shows and asks; the
window does the opening, selecting and drawing (:mod:`editor.labs.install`).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QProgressBar,
                               QPushButton, QScrollArea, QStackedWidget, QToolButton, QVBoxLayout,
                               QWidget)

from labs.format import Lab

from .goals import GoalList
from .hints import HintsBox
from .run import LabRun
from .summary import CompletionCard

__all__ = ["LabsPanel"]

_MUTED = "color: #55636b;"
_LAB_ROLE = Qt.UserRole + 1


class LabsPanel(QWidget):
    start_requested = Signal(object)            # Lab: open its start design
    check_current_requested = Signal(object)    # Lab: grade the design already open
    open_file_requested = Signal()
    leave_requested = Signal()
    restart_requested = Signal()
    goal_clicked = Signal(str)
    solution_requested = Signal()
    next_requested = Signal()

    def __init__(self, language_source=lambda: "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.language_source = language_source
        self.language = language_source()
        self.labs: list[Lab] = []
        # How many of :attr:`labs` are the built-in course (the rest came from files).
        self.course_size = 0
        self.run: LabRun | None = None
        self.position: tuple[int, int] | None = None
        self._story_folded = False
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_course_page())
        self.pages.addWidget(self._build_lab_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.retranslate()

    # ------------------------------------------------------------------ building
    def _build_course_page(self) -> QWidget:
        page = QWidget()
        self.course_heading = QLabel()
        self.course_heading.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.course_intro = QLabel()
        self.course_intro.setWordWrap(True)
        self.course_intro.setStyleSheet(_MUTED)
        self.course_list = QListWidget()
        self.course_list.setWordWrap(True)
        self.course_list.setStyleSheet("QListWidget::item { padding: 3px 2px; }")
        self.course_list.currentItemChanged.connect(lambda *_: self._preview())
        self.course_list.itemActivated.connect(lambda _item: self._start_chosen())
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.RichText)
        self.preview.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.start_button = QPushButton()
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._start_chosen)
        self.check_button = QPushButton()
        self.check_button.clicked.connect(self._check_chosen)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_file_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.check_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.course_heading)
        layout.addWidget(self.course_intro)
        layout.addWidget(self.course_list, 3)
        layout.addWidget(self.preview, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.open_button)
        return page

    def _build_lab_page(self) -> QWidget:
        content = QWidget()
        self.back_button = QToolButton()
        self.back_button.setAutoRaise(True)
        self.back_button.clicked.connect(self.leave_requested)
        self.position_label = QLabel()
        self.position_label.setStyleSheet(_MUTED)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        top.addWidget(self.position_label)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold; font-size: 13pt;")
        self.checking = QLabel()
        self.checking.setWordWrap(True)
        self.checking.setStyleSheet(_MUTED)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setStyleSheet("QProgressBar { border: 1px solid #9aa7ad; border-radius: 4px; "
                                    "text-align: center; background: #ffffff; } "
                                    "QProgressBar::chunk { background: #66bb6a; border-radius: 3px; }")
        self.card = CompletionCard()
        self.card.hide()
        self.card.solution_requested.connect(self.solution_requested)
        self.card.next_requested.connect(self.next_requested)
        self.story_toggle = QToolButton()
        self.story_toggle.setAutoRaise(True)
        self.story_toggle.setCheckable(True)
        self.story_toggle.setChecked(True)
        self.story_toggle.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.story_toggle.setStyleSheet("font-weight: bold; padding-left: 0;")
        self.story_toggle.toggled.connect(self._show_story)
        self.story = QLabel()
        self.story.setWordWrap(True)
        self.story.setTextFormat(Qt.PlainText)
        self.story.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.goals_heading = QLabel()
        self.goals_heading.setStyleSheet("font-weight: bold;")
        self.goals = GoalList()
        self.goals.goal_clicked.connect(self.goal_clicked)
        self.hints = HintsBox()
        self.hints.hint_requested.connect(self._reveal_hint)
        self.lesson = QLabel()
        self.lesson.setWordWrap(True)
        self.lesson.setTextFormat(Qt.RichText)
        self.lesson.setOpenExternalLinks(True)
        self.restart_button = QPushButton()
        self.restart_button.clicked.connect(self.restart_requested)
        self.solution_button = QPushButton()
        self.solution_button.clicked.connect(self.solution_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restart_button)
        buttons.addWidget(self.solution_button)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.checking)
        layout.addWidget(self.progress)
        layout.addWidget(self.card)
        layout.addWidget(self.story_toggle)
        layout.addWidget(self.story)
        layout.addWidget(self.goals_heading)
        layout.addWidget(self.goals)
        layout.addSpacing(4)
        layout.addWidget(self.hints)
        layout.addWidget(self.lesson)
        layout.addStretch(1)
        layout.addLayout(buttons)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        self.lab_scroll = scroll
        return scroll

    # ------------------------------------------------------------------ the course
    def set_course(self, labs, extra: Lab | None = None) -> None:
        """List ``labs`` (the course, in order) and ``extra`` (a lab opened from a file) after them."""
        chosen = self.chosen_lab()
        self.labs = list(labs) + ([extra] if extra is not None else [])
        self.course_size = len(labs)
        self.course_list.clear()
        for lab in self.labs:
            item = QListWidgetItem()
            item.setData(_LAB_ROLE, lab)
            self.course_list.addItem(item)
        self._name_course_items()
        index = next((i for i, lab in enumerate(self.labs) if chosen is not None and lab.id == chosen.id
                      and lab.path == chosen.path), 0)
        if self.labs:
            self.course_list.setCurrentRow(len(self.labs) - 1 if extra is not None else index)

    def choose(self, lab: Lab) -> None:
        for row in range(self.course_list.count()):
            if self.course_list.item(row).data(_LAB_ROLE) is lab:
                self.course_list.setCurrentRow(row)
                return

    def chosen_lab(self) -> Lab | None:
        item = self.course_list.currentItem()
        return item.data(_LAB_ROLE) if item is not None else None

    def _name_course_items(self) -> None:
        for row in range(self.course_list.count()):
            item = self.course_list.item(row)
            lab = item.data(_LAB_ROLE)
            title = lab.title.get(self.language)
            item.setText(f"{row + 1}. {title}" if row < self.course_size else self.tr("From a file: %1")
                         .replace("%1", title))
            item.setToolTip(lab.story.get(self.language))

    def _preview(self) -> None:
        lab = self.chosen_lab()
        self.start_button.setEnabled(lab is not None)
        self.check_button.setEnabled(lab is not None)
        if lab is None:
            self.preview.setText("")
            return
        counts = self.tr("%1 goals · %2 hints").replace("%1", str(len(lab.goals))) \
            .replace("%2", str(len(lab.hints)))
        self.preview.setText(f"<b>{escape(lab.title.get(self.language))}</b><br/>"
                             f"<span style='color:#55636b'>{escape(counts)}</span>"
                             f"<p style='margin-top:4px'>{escape(lab.story.get(self.language))}</p>")

    def _start_chosen(self) -> None:
        lab = self.chosen_lab()
        if lab is not None:
            self.start_requested.emit(lab)

    def _check_chosen(self) -> None:
        lab = self.chosen_lab()
        if lab is not None:
            self.check_current_requested.emit(lab)

    def show_course_page(self) -> None:
        self.set_run(None)
        self.pages.setCurrentIndex(0)

    # ------------------------------------------------------------------ the lab
    def set_run(self, run: LabRun | None, position: tuple[int, int] | None = None) -> None:
        """Show ``run`` (``position``: its number and the course's length, None for a lab file)."""
        if self.run is not None:
            for signal, slot in self._run_connections():
                signal.disconnect(slot)
        self.run = run
        self.position = position
        if run is None:
            return
        for signal, slot in self._run_connections():
            signal.connect(slot)
        self.goals.set_goals(run.lab.goals, self.language)
        self.hints.set_hints(run.lab.hints, run.session.hints_shown, self.language)
        self.story_toggle.setChecked(True)
        self._show_story(True)
        self._story_folded = run.session.edits > 0
        self.pages.setCurrentIndex(1)
        self.lab_scroll.verticalScrollBar().setValue(0)
        self.retranslate()

    def _show_story(self, shown: bool) -> None:
        self.story.setVisible(shown)
        self.story_toggle.setArrowType(Qt.DownArrow if shown else Qt.RightArrow)

    def _run_connections(self):
        run = self.run
        return ((run.graded, self._on_graded), (run.goal_met, self._on_goal_met),
                (run.completed, self._on_completed), (run.design_changed, self._on_design_changed))

    def _on_graded(self, _result) -> None:
        if self.run.session.edits >= 1 and self.story_toggle.isChecked() and not self._story_folded:
            # The student has started: the goals matter more than the story now (once).
            self._story_folded = True
            self.story_toggle.setChecked(False)
        self._show_state()

    def _on_goal_met(self, goal_id: str) -> None:
        row = self.goals.row(goal_id)
        if row is not None:
            row.flash()

    def _on_completed(self, _summary) -> None:
        self._show_state()
        self.lab_scroll.ensureWidgetVisible(self.card)

    def _on_design_changed(self, _name: str) -> None:
        self._show_state()

    def _reveal_hint(self) -> None:
        if self.run is not None and self.run.next_hint() is not None:
            self.hints.reveal()
            self.lab_scroll.ensureWidgetVisible(self.hints.labels[-1])

    def refresh(self) -> None:
        """Show the run's state again (its verdicts, progress and summary)."""
        self._show_state()

    def _show_state(self) -> None:
        run = self.run
        if run is None:
            return
        result = run.result
        self.goals.show_result(result, self.language)
        passed = result.passed_count if result else 0
        total = len(run.lab.goals)
        self.progress.setRange(0, total)
        self.progress.setValue(passed)
        self.progress.setFormat(self.tr("%1 of %2 goals met").replace("%1", str(passed))
                                .replace("%2", str(total)))
        # Only worth saying when the design is not the lab's own start (the student opened their
        # saved work, or checks a design of their own).
        self.checking.setText(self.tr("Checking: %1").replace("%1", run.document.display_name))
        self.checking.setVisible(not run.checks_start_design)
        if run.finished:
            has_next = self.position is not None and self.position[0] < self.position[1]
            self.card.show_summary(run.summary(), run.elapsed(), run.solution_viewed, has_next)
            self.card.show()
        else:
            self.card.hide()

    # ------------------------------------------------------------------ language
    def retranslate(self) -> None:
        self.language = self.language_source()
        self.course_heading.setText(self.tr("Workshop Labs"))
        self.course_intro.setText(self.tr("Each lab gives you a design to fix. Kumozu checks your "
                                          "goals as you edit; hints open one at a time."))
        self.start_button.setText(self.tr("Start Lab"))
        self.start_button.setToolTip(self.tr("Open the lab's starting design (asks first if your "
                                             "changes are not saved)"))
        self.check_button.setText(self.tr("Check My Current Design"))
        self.check_button.setToolTip(self.tr("Grade the design that is open now against the lab's "
                                             "goals, without opening anything"))
        self.open_button.setText(self.tr("Open Lab File…"))
        self._name_course_items()
        self._preview()
        self.back_button.setText(self.tr("◀ All Labs"))
        self.goals_heading.setText(self.tr("Goals"))
        self.story_toggle.setText(self.tr("The Story"))
        self.story_toggle.setToolTip(self.tr("Show or hide the lab's story"))
        self.restart_button.setText(self.tr("Restart Lab"))
        self.restart_button.setToolTip(self.tr("Open the starting design again (asks first if your "
                                               "changes are not saved)"))
        self.solution_button.setText(self.tr("Reference Solution"))
        self.solution_button.setToolTip(self.tr("Compare your design with the reference solution, "
                                                "read-only"))
        run = self.run
        if run is None:
            return
        lab = run.lab
        self.position_label.setText(self.tr("Lab %1 of %2").replace("%1", str(self.position[0]))
                                    .replace("%2", str(self.position[1])) if self.position else
                                    self.tr("Lab file"))
        self.title.setText(lab.title.get(self.language))
        self.story.setText(lab.story.get(self.language))
        self.goals.set_language(self.language)
        self.hints.set_language(self.language)
        self._show_lesson(lab)
        self._show_state()

    def _show_lesson(self, lab: Lab) -> None:
        if not lab.lesson:
            self.lesson.hide()
            return
        links = "".join(f"<li><a href='{escape(item.url, quote=True)}'>{escape(item.title_in(self.language))}"
                        f"</a></li>" for item in lab.lesson)
        heading = self.tr("Read more")  # outside the f-string: lupdate does not look inside them
        self.lesson.setText(f"<b>{escape(heading)}</b><ul style='margin:2px 0 0 -20px'>{links}</ul>")
        self.lesson.show()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
