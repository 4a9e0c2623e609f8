"""The store's front door: projects, annotators and label schemas.

Everything that crosses this boundary is a core dataclass or a plain value;
ORM rows stay inside. Each public method is one unit of work (one
transaction), so an edit is saved the moment it returns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine, func
from sqlmodel import Session, col, select

from annotator.core import model
from annotator.core.schemas import DEFAULT, colour_for
from annotator.store import tables as t
from annotator.store.database import open_database


@dataclass(frozen=True, slots=True)
class ProjectInfo:
    """A project's identity."""

    id: int
    name: str
    language: str


class Store:
    """Persistence for one database (a SQLite file or a server URL)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._annotators: dict[str, int] = {}

    @classmethod
    def open(cls, url: str, upgrading: Callable[[], None] | None = None) -> Store:
        """Open (creating or upgrading) the database at ``url``; ``upgrading`` is
        called before a stored database is upgraded."""
        return cls(open_database(url, upgrading))

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work commits on success and rolls back on error."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()

    # projects ---------------------------------------------------------------

    def project(self, name: str, schema: model.Schema = DEFAULT) -> ProjectInfo:
        """The project called ``name``, created with ``schema`` if new."""
        with self.session() as s:
            row = s.exec(select(t.Project).where(t.Project.name == name)).first()
            if row is None:
                row = t.Project(name=name)
                s.add(row)
                s.flush()
                assert row.id is not None
                _add_labels(s, row.id, schema.labels, start=0)
            assert row.id is not None
            return ProjectInfo(row.id, row.name, row.language)

    def projects(self) -> list[ProjectInfo]:
        """Every project, by name."""
        with self.session() as s:
            rows = s.exec(select(t.Project).order_by(t.Project.name)).all()
            return [ProjectInfo(r.id or 0, r.name, r.language) for r in rows]

    def annotator_id(self, name: str | None) -> int | None:
        """The id of the annotator called ``name``, created if new."""
        if not name:
            return None
        if name not in self._annotators:
            with self.session() as s:
                row = s.exec(select(t.Annotator).where(t.Annotator.name == name)).first()
                if row is None:
                    row = t.Annotator(name=name)
                    s.add(row)
                    s.flush()
                assert row.id is not None
                self._annotators[name] = row.id
        return self._annotators[name]

    # schema -----------------------------------------------------------------

    def schema(self, project_id: int) -> model.Schema:
        """The project's labels with their roles, in palette order."""
        with self.session() as s:
            return load_schema(s, project_id)

    def ensure_labels(
        self, project_id: int, names: Iterable[tuple[str, model.LabelKind]]
    ) -> list[str]:
        """Add the labels the schema lacks; return the names added."""
        with self.session() as s:
            return ensure_labels(s, project_id, names)


def load_schema(s: Session, project_id: int) -> model.Schema:
    """The schema of ``project_id`` as a core object."""
    labels = s.exec(
        select(t.Label).where(t.Label.project_id == project_id).order_by(col(t.Label.position))
    ).all()
    ids = [lb.id for lb in labels]
    roles: dict[int, list[model.Role]] = {}
    if ids:
        q = select(t.Role).where(col(t.Role.label_id).in_(ids)).order_by(col(t.Role.position))
        for r in s.exec(q):
            roles.setdefault(r.label_id, []).append(
                model.Role(r.name, r.required, r.max_count, r.shortcut)
            )
    return model.Schema(
        tuple(
            model.Label(
                lb.name,
                model.LabelKind(lb.kind),
                lb.color,
                lb.shortcut,
                lb.description,
                tuple(roles.get(lb.id or 0, ())),
                lb.id,
            )
            for lb in labels
        )
    )


def _add_labels(s: Session, project_id: int, labels: Iterable[model.Label], start: int) -> None:
    for pos, label in enumerate(labels, start=start):
        row = t.Label(
            project_id=project_id,
            name=label.name,
            kind=label.kind.value,
            color=label.color,
            shortcut=label.shortcut,
            description=label.description,
            position=pos,
        )
        s.add(row)
        s.flush()
        assert row.id is not None
        for rpos, role in enumerate(label.roles):
            s.add(
                t.Role(
                    label_id=row.id,
                    name=role.name,
                    required=role.required,
                    max_count=role.max_count,
                    shortcut=role.shortcut,
                    position=rpos,
                )
            )


def ensure_labels(
    s: Session, project_id: int, names: Iterable[tuple[str, model.LabelKind]]
) -> list[str]:
    """Add missing labels (with palette colours and free digit keys) in ``s``."""
    wanted = list(dict.fromkeys(names))
    if not wanted:  # raw articles: nothing to look up
        return []
    rows = s.exec(select(t.Label).where(t.Label.project_id == project_id)).all()
    have = {(r.name, r.kind) for r in rows}
    used_keys = {r.shortcut for r in rows if r.shortcut}
    free_keys = [k for k in "123456789" if k not in used_keys]
    position = int(
        s.exec(
            select(func.count()).select_from(t.Label).where(t.Label.project_id == project_id)
        ).one()
    )
    added: list[model.Label] = []
    for name, kind in wanted:
        if (name, kind.value) in have:
            continue
        key = free_keys.pop(0) if free_keys and kind == model.LabelKind.ENTITY else None
        added.append(model.Label(name, kind, colour_for(position + len(added)), key))
        have.add((name, kind.value))
    _add_labels(s, project_id, added, start=position)
    return [label.name for label in added]
