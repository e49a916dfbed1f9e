from pack_helpers import MINI_PACK

from newsfacts.__main__ import main


def test_cite(capsys):
    assert main(["cite", "fig-support", "--pack", str(MINI_PACK)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        'fig-support (figures), paragraph 4, reported: "About 60% of residents back the plan"'
    )
