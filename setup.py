"""The one thing pyproject.toml cannot say: the reference corpus in seeds/ ships in the wheel as the
package deskcheck_seeds, so an installed deskcheck checks against it (bot/settings.py finds it)."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["bot*", "checks*", "storage*"]), "deskcheck_seeds"],
    package_dir={"deskcheck_seeds": "seeds"},
)
