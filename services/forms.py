"""Admin forms for content: image fields go through Pillow checks and lose their metadata."""

from typing import Any

from django import forms

from services.images import clean_uploaded_image
from services.models import ClinicLocation, Doctor, Treatment


class CheckedImageField(forms.ImageField):
    """An image upload that must be a real JPEG, PNG or WebP within the size limits."""

    def to_python(self, data: Any) -> Any:
        # Skip ImageField's own Pillow probe: ours gives clearer messages and re-encodes the file.
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        return clean_uploaded_image(upload)


class TreatmentAdminForm(forms.ModelForm):
    class Meta:
        model = Treatment
        # The admin lists the real fields through its fieldsets; this names the checked one.
        fields = ("hero_image",)
        field_classes = {"hero_image": CheckedImageField}


class DoctorAdminForm(forms.ModelForm):
    class Meta:
        model = Doctor
        fields = ("photo",)
        field_classes = {"photo": CheckedImageField}


class ClinicLocationAdminForm(forms.ModelForm):
    class Meta:
        model = ClinicLocation
        fields = ("map_image", "entrance_photo")
        field_classes = {"map_image": CheckedImageField, "entrance_photo": CheckedImageField}
