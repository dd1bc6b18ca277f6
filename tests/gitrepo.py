"""Real git repositories for tests: fixed identities, fixed dates, real commits, merges and signatures."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from generator.actions.init import GITLAB_MERGE_TEMPLATE

START = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def email(person: str) -> str:
    return f"{person}@example.com"


class GitRepo:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.clock = START
        self.git("init", "-q", "-b", "main")
        self.git("config", "commit.gpgsign", "false")
        self.git("config", "user.name", "Setup")
        self.git("config", "user.email", "setup@example.com")

    def git(self, *args: str, env: dict[str, str] | None = None) -> str:
        result = subprocess.run(["git", *args], cwd=self.root, capture_output=True, text=True,
                                env={**os.environ, **(env or {})}, check=False)
        if result.returncode != 0:
            raise AssertionError(f"git {' '.join(args)} failed: {result.stderr}")
        return result.stdout.strip()

    def _identity(self, person: str) -> dict[str, str]:
        self.clock += dt.timedelta(hours=1)
        when = self.clock.isoformat()
        return {"GIT_AUTHOR_NAME": person, "GIT_AUTHOR_EMAIL": email(person), "GIT_AUTHOR_DATE": when,
                "GIT_COMMITTER_NAME": person, "GIT_COMMITTER_EMAIL": email(person), "GIT_COMMITTER_DATE": when}

    def commit(self, message: str, *, by: str, files: dict[str, str] | None = None, trailers: tuple[str, ...] = (),
               sign_key: Path | None = None) -> str:
        for path, text in (files or {}).items():
            target = self.root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        self.git("add", "-A")
        body = message + ("\n\n" + "\n".join(trailers) if trailers else "")
        signing = ["-c", "gpg.format=ssh", "-c", f"user.signingkey={sign_key}"] if sign_key else []
        self.git(*signing, "commit", "-q", "--allow-empty", *(["-S"] if sign_key else []), "-m", body,
                 env=self._identity(by))
        return self.head()

    def sign(self, role_trailer: str, person: str, handover: str, **kwargs: object) -> str:
        """An empty sign-off commit the way `handover sign` writes one."""
        return self.commit(f"Sign off as {person}", by=person,
                           trailers=(f"Handover: {handover}", f"{role_trailer}: {person} <{email(person)}>"), **kwargs)  # type: ignore[arg-type]

    def merge(self, branch: str, *, by: str, message: str = "Merge") -> str:
        self.git("merge", "-q", "--no-ff", branch, "-m", message, env=self._identity(by))
        return self.head()

    def gitlab_merge(self, branch: str, title: str, approvers: tuple[tuple[str, str], ...], *, reference: str) -> str:
        """Merge ``branch`` as GitLab does with the merge commit template 'handover init' documents: one
        ``Approved-by:`` line per (name, person) who approved in the merge request."""
        approved = "\n".join(f"Approved-by: {name} <{email(person)}>" for name, person in approvers)
        message = (GITLAB_MERGE_TEMPLATE.replace("%{source_branch}", branch).replace("%{target_branch}", "main")
                   .replace("%{title}", title).replace("%{reference}", reference).replace("%{approved_by}", approved))
        return self.merge(branch, by="GitLab", message=message)

    def head(self) -> str:
        return self.git("rev-parse", "HEAD")
