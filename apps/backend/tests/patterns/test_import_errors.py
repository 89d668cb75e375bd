"""Import errors: a module found only from one directory, or imported relatively from a script."""

import os
import subprocess
import sys
from pathlib import Path

from tests.commands import BACKEND_DIR

# The guide's layout: model modules that refer to each other, and an empty models/__init__.py.
GUIDE_MODELS = {
    "base.py": """
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass
""",
    "user.py": """
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop.models.base import Base


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    posts = relationship("Post")
""",
    "post.py": """
from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from shop.models.base import Base


class Post(Base):
    __tablename__ = "posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
""",
}


def run_python(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=os.environ | {"ENVIRONMENT": "test"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_importing_models_without_the_package_prefix_is_module_not_found() -> None:
    result = run_python("-c", "from models.user import User", cwd=BACKEND_DIR)

    assert result.returncode == 1
    assert "ModuleNotFoundError: No module named 'models'" in result.stderr


def test_a_relative_import_in_a_file_run_as_a_script_has_no_parent_package(
    tmp_path: Path,
) -> None:
    (tmp_path / "users.py").write_text("from .schemas import UserCreate\n")

    result = run_python("users.py", cwd=tmp_path)

    assert result.returncode == 1
    assert "ImportError: attempted relative import with no known parent package" in result.stderr


def test_absolute_app_imports_work_from_the_backend_directory() -> None:
    result = run_python(
        "-c",
        "from app.models.user import User; from app.schemas.user import UserCreate; "
        "print(User.__tablename__, UserCreate.__name__)",
        cwd=BACKEND_DIR,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["users", "UserCreate"]


def test_modules_run_with_dash_m_resolve_their_absolute_imports() -> None:
    result = run_python("-m", "app.jobs.export_users", "--help", cwd=BACKEND_DIR)

    assert result.returncode == 0, result.stderr
    assert "--output" in result.stdout


def test_a_model_module_imported_alone_cannot_configure_its_relationships(
    tmp_path: Path,
) -> None:
    """A relationship names `Post` by string; nothing imported the module that defines it."""
    package = tmp_path / "shop" / "models"
    package.mkdir(parents=True)
    (tmp_path / "shop" / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    for name, text in GUIDE_MODELS.items():
        (package / name).write_text(text)

    result = run_python(
        "-c",
        "from sqlalchemy.orm import configure_mappers; from shop.models.user import User; "
        "configure_mappers()",
        cwd=tmp_path,
    )

    assert result.returncode == 1
    assert "InvalidRequestError: When initializing mapper Mapper[User(users)]" in result.stderr
    assert "expression 'Post' failed to locate a name ('Post')" in result.stderr


def test_any_app_model_import_registers_every_model() -> None:
    result = run_python(
        "-c",
        "from sqlalchemy.orm import configure_mappers; from app.models.user import User; "
        "configure_mappers(); print(User.posts.property.mapper.class_.__name__)",
        cwd=BACKEND_DIR,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Post"
