"""Checks for the icon set in ``icons/``: every kind has a well-formed, self-contained SVG that Qt renders."""
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6 import QtCore, QtGui, QtSvg  # noqa: E402

ICONS = Path(__file__).resolve().parents[2] / "icons"
UI_ICONS = ICONS / "ui"
SVG_NS = "{http://www.w3.org/2000/svg}"

# One icon per resource kind (file stem = ``KindSchema.icon``).
KIND_STEMS = (
    # Networking
    "region", "availability_zone", "vpc", "subnet", "internet_gateway", "egress_only_internet_gateway",
    "nat_gateway", "vpc_endpoint", "route_table", "vpc_peering", "transit_gateway",
    "transit_gateway_attachment", "load_balancer", "target_group",
    # Security & identity
    "security_group", "network_acl", "acm_certificate", "iam_user", "iam_group", "iam_role", "iam_policy",
    # Compute
    "instance", "auto_scaling_group", "lambda_function", "lightsail_instance",
    # Containers
    "ecs_cluster", "ecs_service", "task_definition", "ecr_repository",
    # Databases
    "rds_instance", "aurora_cluster", "db_subnet_group", "dynamodb_table", "elasticache_cluster",
    # Storage
    "s3_bucket",
    # Edge & DNS
    "cloudfront_distribution", "hosted_zone", "dns_record",
    # Integration
    "api_gateway", "sqs_queue", "sns_topic", "event_rule",
    # Management
    "log_group", "cloudtrail_trail", "codedeploy_application",
    # Other
    "generic_resource",
)

UI_STEMS = (
    "severity_error", "severity_warning", "severity_info", "ok",
    "new", "open", "save", "undo", "redo", "zoom_in", "zoom_out", "zoom_fit", "trace", "connect",
    "select", "delete", "export", "lab", "presenter", "lesson", "internet", "aws_service",
)

FORBIDDEN = ("<script", "<image", 'href="http', "<text")


def kind_path(stem: str) -> Path:
    return ICONS / f"{stem}.svg"


def ui_path(stem: str) -> Path:
    return UI_ICONS / f"{stem}.svg"


@pytest.fixture
def qt_app(qapp):
    """pytest-qt's QApplication: one kind of application object for the whole test session (a bare
    QGuiApplication would break later tests that need widgets)."""
    return qapp


def render(path: Path, size: int = 32) -> QtGui.QImage:
    renderer = QtSvg.QSvgRenderer(str(path))
    assert renderer.isValid(), f"Qt cannot load {path.name}"
    image = QtGui.QImage(size, size, QtGui.QImage.Format.Format_ARGB32)
    image.fill(QtCore.Qt.GlobalColor.transparent)
    painter = QtGui.QPainter(image)
    try:
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QtCore.QRectF(0, 0, size, size))
    finally:
        painter.end()
    return image


def opaque_colours(image: QtGui.QImage) -> set[int]:
    """Distinct ARGB values of the pixels that are not fully transparent."""
    colours = set()
    for y in range(image.height()):
        for x in range(image.width()):
            argb = image.pixel(x, y)
            if argb >> 24:
                colours.add(argb)
    return colours


def check_svg(path: Path, view_box: str) -> None:
    assert path.is_file(), f"missing icon {path}"
    root = ET.parse(path).getroot()
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("viewBox") == view_box


def check_clean(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for bad in FORBIDDEN:
        assert bad not in text, f"{path.name} contains {bad!r}"


def test_stem_lists_have_no_duplicates():
    assert len(set(KIND_STEMS)) == len(KIND_STEMS)
    assert len(set(UI_STEMS)) == len(UI_STEMS)


@pytest.mark.parametrize("stem", KIND_STEMS)
def test_kind_icon_is_svg_with_64_viewbox(stem):
    check_svg(kind_path(stem), "0 0 64 64")


@pytest.mark.parametrize("stem", KIND_STEMS)
def test_kind_icon_is_self_contained(stem):
    check_clean(kind_path(stem))


@pytest.mark.parametrize("stem", KIND_STEMS)
def test_kind_icon_renders_tile_and_glyph(qt_app, stem):
    colours = opaque_colours(render(kind_path(stem)))
    assert len(colours) >= 2, f"{stem} renders blank or single-coloured"


@pytest.mark.parametrize("stem", UI_STEMS)
def test_ui_icon_is_svg_with_24_viewbox(stem):
    check_svg(ui_path(stem), "0 0 24 24")


@pytest.mark.parametrize("stem", UI_STEMS)
def test_ui_icon_is_self_contained(stem):
    check_clean(ui_path(stem))


@pytest.mark.parametrize("stem", UI_STEMS)
def test_ui_icon_renders(qt_app, stem):
    assert opaque_colours(render(ui_path(stem))), f"{stem} renders blank"
