"""Prints the two round methods of src/main/java/io/logflux/release/publish/Blake2b.java: BLAKE2b's twelve rounds
written out from RFC 7693's SIGMA table (section 2.7), so that every message word is a local variable. Paste its output
over the methods roundsZeroToFive and roundsSixToEleven; FileDigestsTest compares the results with Python's hashlib.

    python3 src/tools/blake2b_rounds.py
"""
SIGMA = [
 [0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15],
 [14,10,4,8,9,15,13,6,1,12,0,2,11,7,5,3],
 [11,8,12,0,5,2,15,13,10,14,3,6,7,1,9,4],
 [7,9,3,1,13,12,11,14,2,6,5,10,4,0,15,8],
 [9,0,5,7,2,4,10,15,14,1,11,12,6,8,3,13],
 [2,12,6,10,0,11,8,3,4,13,7,5,15,14,1,9],
 [12,5,1,15,14,13,4,10,0,7,6,3,9,2,8,11],
 [13,11,7,14,12,1,3,9,5,0,15,4,8,6,2,10],
 [6,15,14,9,11,3,0,8,12,2,13,7,1,4,10,5],
 [10,2,8,4,7,6,1,5,15,11,9,14,3,12,13,0]]
G = [(0,4,8,12),(1,5,9,13),(2,6,10,14),(3,7,11,15),(0,5,10,15),(1,6,11,12),(2,7,8,13),(3,4,9,14)]
def rounds(rs):
    out=[]
    for r in rs:
        s=SIGMA[r%10]
        out.append(f"        // round {r}")
        for i,(a,b,c,d) in enumerate(G):
            x, y = s[2*i], s[2*i+1]
            out += [f"        v{a} += v{b} + m{x};",
                    f"        v{d} = Long.rotateRight(v{d} ^ v{a}, 32);",
                    f"        v{c} += v{d};",
                    f"        v{b} = Long.rotateRight(v{b} ^ v{c}, 24);",
                    f"        v{a} += v{b} + m{y};",
                    f"        v{d} = Long.rotateRight(v{d} ^ v{a}, 16);",
                    f"        v{c} += v{d};",
                    f"        v{b} = Long.rotateRight(v{b} ^ v{c}, 63);"]
    return "\n".join(out)
def method(name, rs):
    load_m = "\n".join(f"        long m{i} = littleEndianLong(block, offset + {8*i});" for i in range(16))
    load_v = "\n".join(f"        long v{i} = v[{i}];" for i in range(16))
    store_v = "\n".join(f"        v[{i}] = v{i};" for i in range(16))
    return f"""    private static void {name}(long[] v, byte[] block, int offset) {{
{load_m}
{load_v}
{rounds(rs)}
{store_v}
    }}
"""
print(method("roundsZeroToFive", range(0,6)))
print(method("roundsSixToEleven", range(6,12)))
