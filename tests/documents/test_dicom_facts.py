import hashlib
import io

import pytest

from booking.models import ConsultationRequest
from documents import dicom, scanning
from documents.intake import take_document
from documents.models import Document
from tests.documents import samples
from tests.documents.conftest import Clamd


def facts_of(content: bytes, kind: str) -> dicom.StudyFacts:
    return dicom.study_facts(io.BytesIO(content), kind)


def test_a_study_in_a_zip_tells_its_modality_date_and_number_of_images() -> None:
    study = samples.zipped(
        {
            "DICOM/IM1": samples.real_dicom("CT", "20261103"),
            "DICOM/IM2": samples.real_dicom("CT", "20261101"),
            "DICOM/IM3": samples.real_dicom("PT", "20261101", frames=4),
        }
    )

    facts = facts_of(study, Document.Kind.DICOM_ZIP)

    assert facts.modalities == ["CT", "PT"]
    assert facts.study_date is not None and facts.study_date.isoformat() == "2026-11-01"
    assert facts.images == 6


@pytest.mark.filterwarnings("ignore::UserWarning")  # pydicom says what it could not read
def test_a_damaged_header_gives_fewer_facts_not_an_error() -> None:
    facts = facts_of(samples.dicom(b"\xff" * 40), Document.Kind.DICOM)

    assert (facts.modalities, facts.study_date, facts.images) == ([], None, 0)


def test_the_facts_are_recorded_once_the_study_is_clean_and_the_file_is_untouched(
    running_clamd: Clamd, consultation: ConsultationRequest
) -> None:
    study = samples.zipped({f"IM{n}": samples.real_dicom("MR", "20261020") for n in range(3)})
    document = take_document(consultation, io.BytesIO(study), "МРТ.zip", len(study))

    scanning.scan_document(document.pk)

    document.refresh_from_db()
    assert document.status == Document.Status.CLEAN
    assert (document.dicom_modality, str(document.dicom_study_date), document.dicom_images) == (
        "MR",
        "2026-10-20",
        3,
    )
    with document.file.open("rb") as stored:
        assert hashlib.sha256(stored.read()).hexdigest() == hashlib.sha256(study).hexdigest()
