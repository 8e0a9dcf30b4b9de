"""The strokes of DrawingPageIT's two hands: python3 server/src/test/python/drawn_digits.py OUT.txt
(the test resource drawn-digits.txt has three lines of comment above what this writes)."""
import sys
import math
def arc(cx, cy, rx, ry, a0, a1, step=15):
    n = max(2, int(abs(a1 - a0) / step) + 1)
    return [(cx + rx * math.cos(math.radians(a0 + (a1 - a0) * i / (n - 1))),
             cy + ry * math.sin(math.radians(a0 + (a1 - a0) * i / (n - 1)))) for i in range(n)]
def slant(strokes, k, cy=140):
    return [[(x + (cy - y) * k, y) for x, y in s] for s in strokes]
def scale(strokes, f, cx=140, cy=140, dx=0, dy=0):
    return [[(cx + (x - cx) * f + dx, cy + (y - cy) * f + dy) for x, y in s] for s in strokes]
A = {
 0: [arc(140, 140, 55, 88, -90, 270)],
 1: [[(118, 82), (150, 50), (150, 232)]],
 2: [arc(140, 100, 48, 45, 195, 370) + [(100, 228), (198, 228)]],
 3: [arc(135, 95, 45, 42, 200, 450) [:-1] + arc(135, 183, 50, 47, -90, 160)],
 4: [[(172, 232), (172, 50), (88, 172), (202, 172)]],
 5: [[(192, 55), (112, 55), (106, 132)] + arc(138, 178, 52, 50, -125, 150)],
 6: [[(182, 58), (140, 78), (112, 125), (104, 178), (118, 218), (150, 232), (180, 214), (186, 180), (166, 154), (134, 150), (108, 172)]],
 7: [[(88, 60), (196, 60), (126, 236)]],
 8: [arc(140, 96, 40, 40, 90, -270) + arc(140, 182, 50, 46, -90, 270)],
 9: [arc(140, 97, 45, 45, 0, 360) + [(182, 160), (176, 236)]],
}
B = {
 0: slant([arc(140, 145, 45, 80, -70, 260)], 0.2),
 1: slant([[(115, 78), (148, 48), (148, 228)], [(108, 230), (190, 230)]], 0.15),
 2: slant([arc(140, 105, 42, 40, 190, 365) + [(150, 160), (98, 226), (115, 215), (190, 226)]], 0.2),
 3: slant([[(96, 58), (184, 58), (134, 122)] + arc(136, 176, 50, 52, -100, 155)], 0.15),
 4: slant([[(112, 50), (96, 152), (198, 152)], [(166, 92), (166, 236)]], 0.15),
 5: slant([[(114, 58), (108, 128)] + arc(140, 174, 50, 52, -130, 155), [(114, 58), (190, 54)]], 0.2),
 6: slant([[(176, 52), (128, 100), (106, 160), (112, 210), (142, 228), (172, 212), (176, 178), (150, 160), (118, 172)]], 0.2),
 7: slant([[(84, 62), (190, 60), (120, 236)], [(104, 150), (176, 146)]], 0.1),
 8: slant([arc(140, 92, 38, 38, 0, 360), arc(140, 178, 46, 48, 0, 360)], 0.2),
 9: slant([arc(138, 95, 42, 40, 10, 370), [(180, 100), (176, 170), (160, 236)]], 0.15),
}
with open(sys.argv[1], 'w') as f:
    f.write('# digit hand: strokes separated by " | ", points x,y on the 280 x 280 pad\n')
    for hand, d in (('A', A), ('B', B)):
        for digit in range(10):
            f.write('%d %s: %s\n' % (digit, hand, ' | '.join(' '.join('%d,%d' % (round(x), round(y)) for x, y in s) for s in d[digit])))
