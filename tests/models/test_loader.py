"""The one loader of the shipped models: every file is there and read once; a missing or
corrupt file is one clear error naming the file and the command that rebuilds it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from presslens.errors import ModelFileError, PresslensError
from presslens.models import checkworthiness, cues, framing, framing_tagger, stance
from presslens.models.loader import ShippedModel, models_dir

CORE = (cues.MODEL, checkworthiness.MODEL, stance.MODEL, framing.MODEL)
EVERY = (*CORE, checkworthiness.HEAD, framing_tagger.TAGGER)


@pytest.mark.parametrize("model", EVERY, ids=lambda m: m.file)
def test_every_shipped_model_file_is_in_resources_models(model: ShippedModel) -> None:
    assert model.path() == models_dir() / model.file
    assert model.path().is_file()
    assert model.train.startswith("presslens train ")


@pytest.mark.parametrize("model", CORE, ids=lambda m: m.file)
def test_a_shipped_model_is_read_once(model: ShippedModel) -> None:
    assert model.load() is model.load()


@pytest.mark.parametrize("model", CORE, ids=lambda m: m.file)
def test_a_missing_model_file_names_the_file_and_the_train_command(
    model: ShippedModel, tmp_path: Path
) -> None:
    with pytest.raises(ModelFileError) as error:
        model.load(tmp_path)
    message = str(error.value)
    assert str(tmp_path / model.file) in message and "is missing" in message
    assert f"`{model.train}`" in message
    assert isinstance(error.value, PresslensError)


@pytest.mark.parametrize("model", CORE, ids=lambda m: m.file)
def test_a_corrupt_model_file_names_the_file_and_the_train_command(
    model: ShippedModel, tmp_path: Path
) -> None:
    copy = tmp_path / model.file
    shutil.copyfile(model.path(), copy)
    copy.write_bytes(copy.read_bytes()[: copy.stat().st_size // 2])  # a truncated download
    with pytest.raises(ModelFileError) as error:
        model.load(tmp_path)
    message = str(error.value)
    assert str(copy) in message and "cannot be read" in message
    assert f"`{model.train}`" in message


def test_a_good_copy_elsewhere_loads_like_the_shipped_file(tmp_path: Path) -> None:
    shutil.copyfile(cues.MODEL.path(), tmp_path / cues.MODEL.file)
    assert cues.MODEL.load(tmp_path) == cues.load_cue_model()


def test_the_error_says_what_is_wrong_and_how_to_rebuild_in_one_line() -> None:
    message = str(cues.MODEL.error(Path("/x/cues.json"), "is missing"))
    assert message == (
        "the model file /x/cues.json is missing: reinstall presslens or run "
        "`presslens train cues ../shared/data/polnear` (PolNeAR)"
    )
