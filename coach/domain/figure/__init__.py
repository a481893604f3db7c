"""Exercise figures: simple people in key poses, seen from the side, the feet or above.

This docstring is the format reference for ``exercises/figures/<id>.toml``. One file holds the
illustration of one exercise: a simple figure in two or more key poses. The app animates through
them (1, 2, 3, ... and back) and ``python -m coach.tools.make_figures`` prints them as a strip of
small numbered pictures into ``assets/figures/<id>.svg``. Pure Python (no Qt): the Qt view and the
SVG writer both draw the primitives made here, so the app and paper show the same picture.

Modules: ``model`` (the data and its limits), ``skeleton`` (joint angles to joint positions in
the room), ``camera`` (the views), ``primitives`` (what gets painted), ``drawing`` (a frame of a
figure), ``props`` (furniture and equipment) and ``loader`` (reading and checking files).

The body and the room
---------------------
The body is posed in a side view: x grows to the right, y grows upwards and the floor is y = 0;
z points at the viewer of the side view. One unit is about 1/100 of the figure's height: a
standing figure's hips are about 50 above its ankles, its shoulders 80 and the top of its head
100. Bones are thigh 25, shin 25, foot 10, trunk 30 (hip to shoulder), upper arm 17, forearm with
hand 19, neck 5, head radius 7.5; the hip joints are 10 apart and the shoulders 18. Limbs are drawn
5 units thick and the trunk 8.5, so a limb resting on the floor has its joints at y = 2 to 2.5
and a body lying on its back on the mat has its hips at y = 4.5.

A standing figure faces right. "Near" limbs are on the side closest to the side view's viewer:
they are drawn dark; "far" limbs are drawn lighter. ``roll`` and ``tilt`` then turn the whole body
in the room (lying on the side, getting up from a bed), and the file's ``view`` chooses where it
is seen from:

* ``view = "side"`` (default): from beside the body, flat, no perspective.
* ``view = "feet"``: from beyond the feet (and a little to the near side) of someone lying with
  the head to the left, a little above them, with perspective (nearer is bigger) and the mat or
  bed drawn in depth. Use it when the movement is sideways: a clamshell, a side leg lift, knee
  rolls, rolling onto the side. Up in the room stays up in the picture.
* ``view = "top"``: the same but from high above, for movement along the floor.

Pose fields (degrees unless said otherwise)
-------------------------------------------
==================  ==========  ==================================================================
field               range       meaning
==================  ==========  ==================================================================
x, y                -300..300   where the middle of the pelvis is, in figure units (standing:
                                y = 52)
trunk               -180..180   lean of the hip-to-shoulder line from upright; positive leans
                                forward (towards the right). 0 standing or sitting, 45 hip hinge,
                                90 face down or on hands and knees (head right), -90 lying on the
                                back (head left)
spine               -60..60     curve of the back: 0 straight, positive arched (hollow back, belly
                                pushed forward), negative rounded (a cat's back)
neck                -70..70     head bent forward (chin to chest) positive, tipped back negative
shoulder_near/far   -180..270   upper arm from the trunk: 0 hanging along the trunk, 90 pointing
                                forward, 180 overhead, negative behind the body. -110 and
                                250 draw the same arm: choose the one that animates the way
                                the arm really turns
elbow_near/far      -160..160   0 straight; bending brings the hand forward and up. Negative
                                bends the other way
shoulder_out_n/f    -90..180    the arm out to the side (positive) or across the body (negative),
                                in the plane of the chest: 90 straight out
arm_turn_near/far   -180..180   turns a bent arm about the shoulder-to-hand line: positive swings
                                the elbow out to the side while the hand stays (a hand resting
                                on the tummy with the elbow down on the mat); before shoulder_out
hip_near/far        -60..160    thigh from the trunk line: 0 in line (standing), 90 forward
                                (sitting), negative behind the body (back leg of a lunge)
hip_out_near/far    -60..90     the leg out to the side (positive, a side leg lift) or across
knee_near/far       0..160      0 straight; bending takes the heel back
ankle_near/far      -90..50     foot from the shin: 0 a right angle (standing), positive toes up
                                towards the shin, negative toes pointed (tiptoe; -90 lies flat
                                behind, as when kneeling)
turn_near/far       -180..180   turns a bent leg about the hip-to-ankle line: positive swings the
                                knee out to the side (away from the body's middle: a clamshell),
                                negative across it. Knee rolls turn one leg out and one across
shin_turn_near/far  -180..180   turns the lower leg and foot about the thigh line, out (positive)
                                or across; applied before ``turn``
roll                -180..180   turns the whole body about the room's x axis through the pelvis:
                                -90 a body lying on its back ends on its far side (near side up,
                                facing the right of the "feet" view), 90 on its near side
tilt                -180..180   then turns the whole body about the room's z axis through the
                                pelvis, counter-clockwise in the side view (getting up sideways
                                from a bed: -90 takes a side-lying trunk up to upright)
marks               list        signs of work that does not show as movement, drawn in the accent
                                colour on this key pose only: "squeeze" (lines at the buttocks),
                                "brace" (arrows into the tummy),
                                "press" (the lower back pushing into the floor), "breath-in" and
                                "breath-out" (air at the mouth, the tummy rising or falling)
==================  ==========  ==================================================================

Common starting points (the shipped files are worked examples of every position):

* standing: ``y = 52, trunk = 0``
* lying on the back, knees bent: ``y = 4.5, trunk = -90, neck = 12, hip = 45, knee = 90,
  ankle = -45``; arms by the sides ``shoulder = 3``
* lying face down: ``y = 4.5, trunk = 90, neck = -10, ankle = -90``; when the trunk rises, set
  ``hip = trunk - 90`` so that the legs stay on the mat
* hands and knees: ``y = 27, trunk = 70, hip = 70, shoulder = 70, knee = 90, ankle = -90``
* sitting on a chair (``{ kind = "chair", y = 23 }``): ``y = 27, trunk = 0, hip = 90,
  knee = 90``
* lying on the side, near side up (``view = "feet"``): the lying-on-the-back pose with
  ``roll = -90`` and ``y = 9`` (the lower hip on the mat)

Angles are interpolated one by one, so check the frames in between too (the contact sheet shows
them: ``python -m coach.tools.make_figures --sheet DIR``): a limb that swings the long way round
can pass through the floor (``tests/domain/test_figure.py`` checks this).

File fields
-----------
``id``         (required) the exercise id, equal to the file name
``view``       "side" (default), "feet" or "top" (see above)
``props``      list; each item a kind name or a table ``{ kind = "...", x = , y = , width = ,
               height = }`` (all numbers optional). Kinds: ``floor`` (a line at y = 0),
               ``mat`` (an exercise mat on the floor), ``bed`` (top at ``y``, default 25, from
               ``x`` for ``width``), ``chair`` (seat front edge at ``x``, seat height ``y``, back
               rest on the left; defaults under the first pose's hips), ``armchair`` (the same
               with arm rests to push on), ``wall`` (at ``x``, up to ``height``), ``step`` (a
               box from ``x``, ``width`` wide, ``height`` tall), ``stairs`` (a step, a second
               step behind it and a hand rail at the near hand), ``counter`` (a kitchen counter
               under the near hand: top at ``y``, from ``x`` for ``width``; a negative width
               goes to the left), ``strap`` (from the hands round the near foot), ``dowel`` (a
               stick along the back), ``bike`` (an exercise bike: saddle at ``x``, ``y``, pedals
               under the balls of the feet, handlebars at the near hand) and ``water`` (pool
               water up to ``y``, default 60). Seen from the feet or above only floor, mat, bed
               and strap are drawn; the others are refused.
``highlight``  list of body parts drawn in the accent colour, strongest in the last pose:
               trunk, neck, head, abdomen, glutes, lower-back, and upper-arm, forearm, thigh,
               shin, foot with ``-near`` or ``-far``
``arrows``     list of body points whose path from each key pose to the next is drawn as an
               arrow (on that key pose's picture); each a name or ``{ point = "...", offset = 9 }``
               (distance from the path, figure units). Points: pelvis, shoulder, head, and
               elbow, hand, knee, ankle, toe with ``-near`` or ``-far``
``anchor``     a body point (as for arrows) that stays put: every later pose and every frame
               between are shifted so it stays where the first pose has it (feet on the floor in
               sit-to-stand). With an anchor, later poses may not set x or y.
``hold``       hands that go in a straight line from where one key pose has them to where
               the next has them, so a hand on a counter, a rail or the mat stays put and a
               hand never sweeps through the floor: ``["hand-near"]`` (the arm's angles in the
               frames between follow; the elbow keeps the way it bends). Side-view arms only
               (no shoulder_out, arm_turn, roll or tilt)
``thumbnail``  the number (1, 2, ...) of the key pose shown in small pictures on Today and in the
               library: the one that says most (default the last)
``[start]``    the first key pose; ``y`` and ``trunk`` are required, every other field left out
               is 0
``[[then]]``   any number of key poses between (at most 8 poses in all), in order
``[end]``      the last key pose. ``[[then]]`` and ``[end]`` give only what changes: every field
               left out is copied from the pose before (except ``marks``). A key pose the same as
               the one before is refused: a highlight alone cannot be seen, so show the work by
               moving the body or with marks.
"""

from coach.domain.figure.camera import CAMERAS, Camera
from coach.domain.figure.drawing import (
    Drawing,
    drawing_bounds,
    figure_bounds,
    figure_drawing,
    key_pose_bounds,
    pose_primitives,
)
from coach.domain.figure.loader import MAX_KEY_POSES, load_figure, load_figures, parse_figure
from coach.domain.figure.model import (
    BODY_POINTS,
    BONE_LENGTHS,
    HEAD_RADIUS,
    HIGHLIGHT_REGIONS,
    LIMB_WIDTH,
    MARK_KINDS,
    NOSE_RADIUS,
    POSE_FIELDS,
    POSE_RANGES,
    PROP_KINDS,
    PROP_WIDTH,
    RIM_WIDTH,
    THIN_WIDTH,
    TRUNK_WIDTH,
    VIEWS,
    ArrowHint,
    Figure,
    FigureError,
    Pose,
    Prop,
    View,
    figure_title,
)
from coach.domain.figure.primitives import (
    Arrow,
    Bone,
    Box,
    Glow,
    Head,
    Point,
    Primitive,
    PropShape,
    PropStyle,
    Stroke,
    arrowhead,
)
from coach.domain.figure.skeleton import (
    Skeleton,
    Vec,
    anchored,
    interpolate,
    pose_at,
    segment_at,
    skeleton,
)

__all__ = [
    "BODY_POINTS", "BONE_LENGTHS", "CAMERAS", "HEAD_RADIUS", "HIGHLIGHT_REGIONS", "LIMB_WIDTH",
    "MARK_KINDS", "MAX_KEY_POSES", "NOSE_RADIUS", "POSE_FIELDS", "POSE_RANGES", "PROP_KINDS",
    "PROP_WIDTH", "RIM_WIDTH", "THIN_WIDTH", "TRUNK_WIDTH", "VIEWS", "Arrow", "ArrowHint", "Bone",
    "Box",
    "Camera", "Drawing", "Figure", "FigureError", "Glow", "Head", "Point", "Pose", "Primitive",
    "Prop", "PropShape", "PropStyle", "Skeleton", "Stroke", "Vec", "View", "anchored",
    "arrowhead", "drawing_bounds", "figure_bounds", "figure_drawing", "figure_title",
    "interpolate", "key_pose_bounds", "load_figure", "load_figures", "parse_figure", "pose_at",
    "pose_primitives", "segment_at", "skeleton",
]  # fmt: skip
