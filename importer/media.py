"""Images and documents of an old article into Wagtail's libraries, deduplicated by content hash (the
SHA-1 Wagtail keeps in `file_hash`), in the collection of the import source."""

import hashlib
import io
import posixpath
import re
from urllib.parse import unquote, urlsplit

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

IMAGE_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp", "BMP": "bmp", "TIFF": "tif"}


class MediaError(Exception):
    """An image or document that could not be imported; the message is the reason in the report."""


def file_name(url, default):
    name = posixpath.basename(unquote(urlsplit(url).path)) or default
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.") or default
    return name[-100:]


def image_format(content):
    """(format, width, height) of a readable image."""
    try:
        with PILImage.open(io.BytesIO(content)) as picture:
            picture.verify()
            return picture.format, picture.width, picture.height
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise MediaError(_("Not a readable image.")) from error


def save_image(content, url, title, collection):
    """The library's image with these bytes, or a new one."""
    kind, width, height = image_format(content)
    if kind not in IMAGE_EXTENSIONS:
        raise MediaError(_("Image format %(format)s is not supported.") % {"format": kind})
    digest = hashlib.sha1(content).hexdigest()
    Image = get_image_model()
    existing = Image.objects.filter(file_hash=digest, collection=collection).order_by("pk").first()
    if existing is not None:
        return existing
    stem = posixpath.splitext(file_name(url, "anh"))[0] or "anh"
    image = Image(
        title=(title or stem)[:255],
        collection=collection,
        file_hash=digest,
        file_size=len(content),
        width=width,
        height=height,
    )
    image.file.save(f"{stem}.{IMAGE_EXTENSIONS[kind]}", ContentFile(content), save=False)
    image.width, image.height = width, height  # the field's own dimension update may leave them empty
    image.save()
    return image


def save_document(content, url, title, collection):
    digest = hashlib.sha1(content).hexdigest()
    Document = get_document_model()
    existing = Document.objects.filter(file_hash=digest, collection=collection).order_by("pk").first()
    if existing is not None:
        return existing
    name = file_name(url, "tai-lieu")
    document = Document(title=(title or name)[:255], collection=collection, file_hash=digest, file_size=len(content))
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document
