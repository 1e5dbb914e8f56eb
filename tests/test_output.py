import os
import stat

from referat_parser.output import write_atomic


def test_write_atomic_writes_with_ordinary_permissions_and_leaves_no_temp_files(tmp_path):
    old = os.umask(0o022)
    try:
        target = tmp_path / "sub" / "meeting.json"
        write_atomic(target, "{}\n")
    finally:
        os.umask(old)
    assert target.read_text(encoding="utf-8") == "{}\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in target.parent.iterdir()] == ["meeting.json"]
