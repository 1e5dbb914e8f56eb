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


def test_write_atomic_takes_a_name_of_the_longest_length_a_file_system_allows(tmp_path):
    """The temporary name must fit whatever the target is called: it used to be the target's
    name plus 14 bytes, so names of 242-255 bytes failed with 'File name too long'."""
    limit = os.pathconf(tmp_path, "PC_NAME_MAX")
    for name in ("ø" * ((limit - 5) // 2) + ".json", "m" * (limit - 5) + ".json"):
        target = tmp_path / name
        assert len(os.fsencode(target.name)) >= limit - 1
        write_atomic(target, "{}\n")
        assert target.read_text(encoding="utf-8") == "{}\n"
    assert not list(tmp_path.glob("*.tmp"))


def test_temporary_names_are_short_and_belong_to_their_target(tmp_path):
    from referat_parser.output import temp_prefix

    long, other = tmp_path / ("a" * 250 + ".json"), tmp_path / ("a" * 249 + "b.json")
    assert len(temp_prefix(long)) + len("XXXXXXXX.tmp") <= 40
    assert temp_prefix(long) != temp_prefix(other)
    assert temp_prefix(long) == temp_prefix(tmp_path / "sub" / long.name)  # the name decides, not the folder
