"""The server side of resumable uploads: tus 1.0.0 (https://tus.io/protocols/resumable-upload),
core protocol with the creation, expiration and termination extensions.

A small module of our own rather than a library: the Django packages for tus are thinly kept,
and this one stores the finished file through the same checks, storage and virus scan as a
plain upload (documents/intake.py). Unfinished files are plain files in DOCUMENT_PARTIAL_ROOT,
named by a random id; nothing the patient sends becomes part of a path.
"""

import base64
import binascii
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, UnreadablePostError
from django.utils import timezone
from django.utils.http import http_date

from booking.models import ConsultationRequest
from documents.intake import check_room, take_document
from documents.models import PartialUpload
from documents.recognition import Refusal, empty_message, sanitise_name, too_large_message

VERSION = "1.0.0"
EXTENSIONS = "creation,expiration,termination"
OFFSET_CONTENT_TYPE = "application/offset+octet-stream"
READ_CHUNK = 256 * 1024


def max_size() -> int:
    return settings.DOCUMENT_MAX_MB * 1024 * 1024


def tus_response(status: int, text: str = "", **headers: str) -> HttpResponse:
    response = HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")
    response["Tus-Resumable"] = VERSION
    response["Cache-Control"] = "no-store"
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def partial_path(upload: PartialUpload) -> Path:
    return Path(settings.DOCUMENT_PARTIAL_ROOT) / upload.id.hex


def new_expiry(now: datetime) -> datetime:
    return now + timedelta(hours=settings.DOCUMENT_UPLOAD_EXPIRE_HOURS)


def expires_header(upload: PartialUpload) -> str:
    return http_date(upload.expires_at.timestamp())


def options() -> HttpResponse:
    return tus_response(204, Tus_Version=VERSION, Tus_Extension=EXTENSIONS, Tus_Max_Size=str(max_size()))


def version_refused(request: HttpRequest) -> HttpResponse | None:
    if request.headers.get("Tus-Resumable") != VERSION:
        return tus_response(412, "Unsupported tus version", Tus_Version=VERSION)
    return None


def parse_metadata(header: str) -> dict[str, str]:
    """`key base64value,key2 base64value2`; a key may come without a value."""
    metadata = {}
    for pair in header.split(","):
        key, _, encoded = pair.strip().partition(" ")
        if not key:
            continue
        try:
            metadata[key] = base64.b64decode(encoded, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            metadata[key] = ""
    return metadata


def create(request: HttpRequest, consultation: ConsultationRequest, location_prefix: str) -> HttpResponse:
    """POST: a new upload of Upload-Length bytes; answers 201 with its Location."""
    raw_length = request.headers.get("Upload-Length", "")
    if not raw_length.isdigit():
        return tus_response(400, "Upload-Length is required")
    length = int(raw_length)
    if length > max_size():
        return tus_response(413, too_large_message(settings.DOCUMENT_MAX_MB))
    if length == 0:
        return tus_response(400, empty_message())
    try:
        check_room(consultation, length)
    except Refusal as refusal:
        return tus_response(403, refusal.message)
    metadata = parse_metadata(request.headers.get("Upload-Metadata", ""))
    upload = PartialUpload.objects.create(
        request=consultation,
        original_name=sanitise_name(metadata.get("filename", "")),
        length=length,
        expires_at=new_expiry(timezone.now()),
    )
    path = partial_path(upload)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()
    return tus_response(
        201, Location=f"{location_prefix}{upload.id.hex}/", Upload_Expires=expires_header(upload)
    )


def find(consultation: ConsultationRequest, upload_id: str, now: datetime) -> PartialUpload | None:
    """The request's own unfinished upload, unless it has expired."""
    try:
        return PartialUpload.objects.get(pk=upload_id, request=consultation, expires_at__gt=now)
    except (PartialUpload.DoesNotExist, ValueError, ValidationError):
        return None


def head(upload: PartialUpload) -> HttpResponse:
    """HEAD: how much has arrived, so that a client can go on after a break."""
    return tus_response(
        200,
        Upload_Offset=str(upload.offset),
        Upload_Length=str(upload.length),
        Upload_Expires=expires_header(upload),
    )


def patch(request: HttpRequest, upload: PartialUpload) -> HttpResponse:
    """PATCH: the next bytes, from exactly where the upload stands (409 otherwise)."""
    if request.content_type != OFFSET_CONTENT_TYPE:
        return tus_response(415, f"Content-Type must be {OFFSET_CONTENT_TYPE}")
    claimed = request.headers.get("Upload-Offset", "")
    if not claimed.isdigit():
        return tus_response(400, "Upload-Offset is required")
    if int(claimed) != upload.offset:
        return tus_response(409, "Upload-Offset does not match", Upload_Offset=str(upload.offset))
    written, too_long, broken = append(request, upload)
    new_offset = upload.offset + written
    # Two requests for the same upload at once: only the one that still finds the old offset counts.
    moved = PartialUpload.objects.filter(pk=upload.pk, offset=upload.offset).update(
        offset=new_offset, expires_at=new_expiry(timezone.now())
    )
    if not moved:
        return tus_response(409, "Another request changed this upload")
    upload.refresh_from_db()
    if too_long:
        return tus_response(400, "More bytes than Upload-Length", Upload_Offset=str(upload.offset))
    if broken:
        return tus_response(400, "The connection broke; go on from Upload-Offset")
    if upload.offset == upload.length:
        return finish(upload)
    return tus_response(204, Upload_Offset=str(upload.offset), Upload_Expires=expires_header(upload))


def append(request: HttpRequest, upload: PartialUpload) -> tuple[int, bool, bool]:
    """Write the request's body at the upload's offset; (bytes kept, too long, connection broke).

    What arrived before a broken connection is kept: the client goes on from there.
    """
    room = upload.length - upload.offset
    written = 0
    with partial_path(upload).open("r+b") as file:
        file.seek(upload.offset)
        while True:
            try:
                chunk = request.read(READ_CHUNK)
            except (OSError, UnreadablePostError):
                return written, False, True
            if not chunk:
                return written, False, False
            if written + len(chunk) > room:
                file.write(chunk[: room - written])
                return room, True, False
            file.write(chunk)
            written += len(chunk)


def finish(upload: PartialUpload) -> HttpResponse:
    """The last byte is in: the file goes through the same checks as a plain upload."""
    path = partial_path(upload)
    try:
        with path.open("rb") as file:
            take_document(upload.request, file, upload.original_name, upload.length)
    except Refusal as refusal:
        return tus_response(422, refusal.message, Upload_Offset=str(upload.offset))
    finally:
        discard(upload)
    return tus_response(204, Upload_Offset=str(upload.length))


def terminate(upload: PartialUpload) -> HttpResponse:
    """DELETE: the patient gave up on this file."""
    discard(upload)
    return tus_response(204)


def discard(upload: PartialUpload) -> None:
    partial_path(upload).unlink(missing_ok=True)
    PartialUpload.objects.filter(pk=upload.pk).delete()


def expire(now: datetime) -> int:
    """Drop the unfinished uploads nobody has added to in time; return how many."""
    expired = list(PartialUpload.objects.filter(expires_at__lte=now)[:1000])
    for upload in expired:
        discard(upload)
    return len(expired)
