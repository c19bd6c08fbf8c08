"""Small files of each kind the site accepts (and some it must refuse), made in memory."""

import io
import struct
import zipfile

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64 + b"\xff\xd9"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64
HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64
# A Windows program: "MZ", whatever the patient's file is called.
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64
# The standard antivirus test file: harmless, and every scanner reports it.
EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
# A PDF the tests' clamd knows as infected (tests/documents/conftest.py lists its hash), so that
# the whole path from the upload form to the quarantine can be followed.
INFECTED_PDF = b"%PDF-1.4\n% " + EICAR + b"\n%%EOF\n"


def dicom(payload: bytes = b"") -> bytes:
    """The 128-byte preamble, the DICM magic and a little of a data set."""
    return b"\x00" * 128 + b"DICM" + b"\x02\x00\x00\x00UL\x04\x00\x00\x00\x00\x00" + payload


def zipped(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def dicom_study(images: int = 3) -> bytes:
    return zipped({f"DICOM/ST000001/IM{n:06d}": dicom(bytes([n]) * 32) for n in range(images)})


def zip_bomb() -> bytes:
    """One member inflating twenty megabytes of zeros from some twenty kilobytes."""
    return zipped({"DICOM/IM000001": dicom(b"\x00" * 20 * 1024 * 1024)})


def lying_zip() -> bytes:
    """A ZIP bomb that hides: its one member inflates to twenty megabytes of zeros, but the archive
    says fifty times its compressed size, under the ratio the site refuses unopened."""
    archive = bytearray(zip_bomb())
    (member,) = zipfile.ZipFile(io.BytesIO(bytes(archive))).infolist()
    declared = struct.pack("<I", member.compress_size * 50)
    # The uncompressed size sits 22 bytes into the local header and 24 into the directory entry.
    local = archive.index(b"PK\x03\x04")
    central = archive.index(b"PK\x01\x02")
    archive[local + 22 : local + 26] = declared
    archive[central + 24 : central + 28] = declared
    return bytes(archive)


def real_dicom(modality: str = "CT", study_date: str = "20261101", frames: int | None = None) -> bytes:
    """A DICOM file pydicom can read: the headers a study carries, no pixels."""
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.uid import CTImageStorage, ExplicitVRLittleEndian, generate_uid

    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = CTImageStorage
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    dataset = Dataset()
    dataset.file_meta = meta
    dataset.SOPClassUID = CTImageStorage
    dataset.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    dataset.PatientName = "Test^Patient"
    dataset.Modality = modality
    dataset.StudyDate = study_date
    if frames is not None:
        dataset.NumberOfFrames = frames
    buffer = io.BytesIO()
    dataset.save_as(buffer, enforce_file_format=True)
    return buffer.getvalue()
