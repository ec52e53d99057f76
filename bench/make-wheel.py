"""Writes a valid pure-Python wheel of about SIZE bytes (one incompressible data member), streaming, for benchmarks.

Usage: make-wheel.py OUT_DIR NAME VERSION SIZE_BYTES [TAG]
TAG (default py3-none-any) is the wheel's python-abi-platform tag; a platform tag makes it a non-pure wheel.
"""
import base64
import hashlib
import os
import sys
import zipfile

out_dir, name, version, size = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
tag = sys.argv[5] if len(sys.argv) > 5 else "py3-none-any"
dist_info = f"{name}-{version}.dist-info"
path = os.path.join(out_dir, f"{name}-{version}-{tag}.whl")
files = {
    f"{name}/__init__.py": f'__version__ = "{version}"\n'.encode(),
    f"{dist_info}/METADATA": (f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
                              f"Summary: benchmark wheel\nDescription-Content-Type: text/markdown\n\n# {name}\n").encode(),
    f"{dist_info}/WHEEL": (f"Wheel-Version: 1.0\nGenerator: bench\nRoot-Is-Purelib: "
                           f"{'true' if tag.endswith('-none-any') else 'false'}\nTag: {tag}\n").encode(),
}
record = []


def digest(data_hash):
    return "sha256=" + base64.urlsafe_b64encode(data_hash.digest()).rstrip(b"=").decode()


with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as wheel:
    for member, data in files.items():
        wheel.writestr(member, data)
        record.append(f"{member},{digest(hashlib.sha256(data))},{len(data)}")
    data_hash = hashlib.sha256()
    written = 0
    with wheel.open(f"{name}/payload.bin", "w", force_zip64=True) as payload:
        while written < size:
            chunk = os.urandom(min(1 << 20, size - written))
            payload.write(chunk)
            data_hash.update(chunk)
            written += len(chunk)
    record.append(f"{name}/payload.bin,{digest(data_hash)},{written}")
    record.append(f"{dist_info}/RECORD,,")
    wheel.writestr(f"{dist_info}/RECORD", "\n".join(record) + "\n")
print(path)
