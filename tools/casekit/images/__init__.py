"""Clinical images: the figures of a case, checked, stripped of what identifies the patient.

- :mod:`casekit.images.files`: where a figure's file is and whether it may be used (inside
  the library, an allowed type and size, not a decompression bomb);
- :mod:`casekit.images.metadata`: what a file says about the patient beyond its pixels
  (EXIF, PNG text chunks, JPEG comments, XMP and IPTC, DICOM headers);
- :mod:`casekit.images.clean`: a copy without any of it (DICOM becomes a windowed PNG);
- :mod:`casekit.images.publish`: the cleaned copies and smaller sizes the site publishes;
- :mod:`casekit.images.names`: whether a file name itself identifies the patient.

Pillow reads and writes the image formats (and enforces its decompression-bomb limit);
pydicom reads DICOM. Nothing is fetched from the network.
"""
