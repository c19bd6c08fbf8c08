"""The basic facts of a DICOM image or study (modality, date, number of images), read with
pydicom from the headers only; the stored file is never changed."""

import logging
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO

import pydicom
from pydicom.dataset import Dataset

from documents.models import Document

log = logging.getLogger(__name__)

TAGS = ["Modality", "StudyDate", "NumberOfFrames", "SOPClassUID"]
# A DICOMDIR (the index of a CD) is a DICOM file but no image; every image names its SOP class.
MEDIA_DIRECTORY = "1.2.840.10008.1.3.10"


@dataclass
class StudyFacts:
    modalities: list[str] = field(default_factory=list)
    study_date: date | None = None
    images: int = 0


def read_header(file: IO[bytes]) -> Dataset | None:
    try:
        return pydicom.dcmread(file, stop_before_pixels=True, specific_tags=TAGS)
    except Exception:
        # A damaged or odd header only means fewer facts; the file itself is still the doctor's.
        log.info("a DICOM header could not be read", exc_info=True)
        return None


def headers(file: IO[bytes], kind: str) -> Iterator[Dataset]:
    if kind == Document.Kind.DICOM:
        dataset = read_header(file)
        if dataset is not None:
            yield dataset
        return
    with zipfile.ZipFile(file) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            with archive.open(info) as member:
                dataset = read_header(member)
            if dataset is not None:
                yield dataset


def study_facts(file: IO[bytes], kind: str) -> StudyFacts:
    facts = StudyFacts()
    dates: list[date] = []
    for dataset in headers(file, kind):
        sop_class = str(dataset.get("SOPClassUID", ""))
        if not sop_class or sop_class == MEDIA_DIRECTORY:
            continue  # not an image: an index, or a header too damaged to say
        modality = str(dataset.get("Modality", "")).strip()
        if modality and modality not in facts.modalities:
            facts.modalities.append(modality)
        study_date = parse_date(str(dataset.get("StudyDate", "")))
        if study_date is not None:
            dates.append(study_date)
        facts.images += max(int(dataset.get("NumberOfFrames", 1) or 1), 1)
    facts.study_date = min(dates, default=None)
    return facts


def parse_date(value: str) -> date | None:
    try:
        return datetime.strptime(value.strip(), "%Y%m%d").date()
    except ValueError:
        return None


def record_study_facts(document: Document) -> None:
    with document.file.open("rb") as file:
        facts = study_facts(file, document.kind)
    Document.objects.filter(pk=document.pk).update(
        dicom_modality=", ".join(facts.modalities)[:60],
        dicom_study_date=facts.study_date,
        dicom_images=facts.images,
    )
