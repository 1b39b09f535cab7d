"""Demo data: a realistic kecamatan office with a year of performance data, for trying the app."""

from kinerja_desktop.core.demo.build import DemoResult, generate_demo

__all__ = ["DemoResult", "generate_demo"]
