"""Writes a PDF file from its numbered objects (the test PDFs' scripts share it): a header, each
object, the cross-reference table and a trailer whose root is object 1 (the catalog)."""


def write_pdf(path, objs):
    """objs: {number: bytes of the object's body}; numbers from 1, gaps allowed."""
    data = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for n in sorted(objs):
        offsets[n] = len(data)
        data += f"{n} 0 obj\n".encode() + objs[n] + b"\nendobj\n"
    size = max(objs) + 1
    xref = len(data)
    data += f"xref\n0 {size}\n".encode()
    for n in range(size):
        data += (f"{offsets[n]:010d} 00000 n \n" if n in offsets else "0000000000 65535 f \n").encode()
    data += f"trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    with open(path, "wb") as f:
        f.write(data)
