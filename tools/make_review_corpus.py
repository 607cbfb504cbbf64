"""Write the synthetic electronics review corpus that ships with mlhelpers.

    python tools/make_review_corpus.py           # (re)write the two files
    python tools/make_review_corpus.py --check   # exit 1 if the shipped files differ

Every review in the corpus was WRITTEN FOR THIS COURSE: this script combines
hand-written phrase banks (below) with a seeded numpy Generator; no sentence comes
from a real review. The output mimics the format of the Multi-Domain Sentiment
Dataset (Blitzer et al. 2007, ``sorted_data_acl/electronics``): pseudo-XML blocks
with the same header fields, one tag a line, the label given by the file
(``positive.review``: ratings 4-5, ``negative.review``: ratings 1-2). Product ids
start with "SYN" to mark them as synthetic; brands, models and reviewers are
invented.

To stay close to real reviews, and so that a bag-of-words classifier has real
work to do, the generator writes several kinds of review in each class: plain
ones, mixed ones (a positive review with a complaint, a negative one that praises
something first), lukewarm ones ("it's okay"), negations ("not bad at all", "not
worth it"), sarcasm, reviews about shipping or support rather than the product,
pros/cons lists, one-liners, and some typos, lowercase and curly apostrophes. The
files are UTF-8; a few texts contain a raw "&" or "<", a character reference
(&lt;) and a line that looks like a tag (<rant>), as the real files do.
"""

from __future__ import annotations

import argparse
import datetime
import re
import string
import sys
from pathlib import Path

import numpy as np

SEED = 20070607  # the dataset's ACL year and month; any fixed seed would do
N_PER_CLASS = 250
OUT = Path(__file__).resolve().parents[1] / "mlhelpers" / "data_files" / "reviews" / "electronics"

# ---------------------------------------------------------------------------
# Product categories. Category sentences are written in the category's own
# grammar; generic sentences further down use {it}, {is}, ... (see Slots).
#   pos / neg : statements about the product that praise / criticize it
#   meh       : minor flaws, used in BOTH classes (mixed positives, lukewarm reviews)
#   fail      : something that broke or stopped working
#   context   : why or how the reviewer uses it (neutral)
#   pros/cons : short phrases for pros/cons lists
# ---------------------------------------------------------------------------
CATEGORIES = {
    "headphones": dict(
        noun="headphones", plural=True, a_noun="a pair of headphones", one="pair",
        devices=["my MP3 player", "my laptop", "my portable DVD player", "the stereo"],
        models=["Studio Headphones", "Over-Ear Stereo Headphones", "Folding DJ Headphones"],
        pos=[
            "The sound is clear and the bass is punchy without getting muddy.",
            "They are comfortable enough to wear through a whole movie.",
            "The ear cushions are soft and don't make my ears sweat.",
            "Noise isolation is surprisingly good; I can't hear the bus engine anymore.",
            "Vocals come through crisp and the highs never get harsh.",
            "They fold flat, so they fit in my laptop bag.",
            "I can listen for hours without any fatigue.",
            "Great for rock, jazz & classical alike.",
        ],
        neg=[
            "The sound is thin and tinny, with almost no bass.",
            "After an hour they pinch so hard that my ears ache.",
            "The left side cuts out unless I hold the cord at a certain angle.",
            "The cushions started peeling after a few weeks.",
            "There's a constant hiss even with nothing playing.",
            "They leak so much sound that people across the room can hear my music.",
            "The cord is thin and already fraying near the plug.",
        ],
        meh=["The cord is a bit too long for walking around.", "They get a little warm after a couple of hours.",
             "There's no carrying case in the box.", "The headband feels plasticky."],
        fail=["The right ear went dead after {short_time}.", "The headband snapped at the hinge the first time I adjusted it."],
        context=["I use them on the train every morning.", "I bought these for editing podcasts at home.",
                 "I needed something for late-night TV that wouldn't wake my wife."],
        pros=["clear sound", "comfortable fit", "folds flat", "good isolation"],
        cons=["no case", "long cord", "weak bass", "tight headband"],
    ),
    "earbuds": dict(
        noun="earbuds", plural=True, a_noun="a pair of earbuds", one="pair",
        devices=["my MP3 player", "my phone", "my laptop"],
        models=["In-Ear Earphones", "Sport Earbuds", "Noise Isolating Earbuds"],
        pos=[
            "They stay in my ears even when I run.",
            "The three sizes of tips mean anyone can find a good fit.",
            "For such tiny things the bass is impressive.",
            "They block out most of the noise on the subway.",
            "The sound is balanced and detailed, better than my old ones by a mile.",
            "The flat cord hardly ever tangles.",
        ],
        neg=[
            "They fall out of my ears every few minutes.",
            "The tips are hard plastic and hurt after twenty minutes.",
            "The sound is muffled, like listening through a pillow.",
            "Every time the cord rubs my shirt I hear a loud thump.",
            "The volume is so low that I can barely hear podcasts on the bus.",
            "One bud is noticeably louder than the other.",
        ],
        meh=["The cord is a little short.", "The carrying pouch is flimsy.", "It took a while to find the right tips."],
        fail=["The left bud went silent after {short_time}.", "The wire split right where it enters the plug."],
        context=["I mostly use them at the gym.", "I wanted something small for flights.",
                 "These replaced the ones that came with my player."],
        pros=["secure fit", "good bass", "blocks noise", "cheap"],
        cons=["short cord", "flimsy pouch", "cable noise", "hard tips"],
    ),
    "speaker": dict(
        noun="speaker", plural=False, a_noun="a portable speaker", one="one",
        devices=["my MP3 player", "my laptop", "my phone"],
        models=["Portable Speaker", "Travel Speaker Dock", "Mini Stereo Speaker"],
        pos=[
            "It fills my whole living room with sound.",
            "Battery life is excellent; I charge it maybe once a week.",
            "It folds up small enough to throw in a backpack.",
            "The sound is rich and clear even at high volume.",
            "It runs on four AA batteries or the wall adapter, which is handy on trips.",
            "For the size, the bass is amazing.",
        ],
        neg=[
            "Anything above half volume distorts badly.",
            "It eats through batteries in a couple of hours.",
            "There's a loud buzz whenever the adapter is plugged in.",
            "The sound is flat and tinny, like an old clock radio.",
            "The dock connector is loose, so the player falls out.",
            "The volume buttons are tiny and stiff.",
        ],
        meh=["It could be a little louder outdoors.", "The power light is very bright at night.",
             "There's no bag for it."],
        fail=["It stopped turning on after {short_time}.", "One of the two speakers died after {short_time}."],
        context=["I take it to the beach and on camping trips.", "We use it in the kitchen while cooking.",
                 "I bought it for my hotel room when I travel for work."],
        pros=["loud", "portable", "long battery life", "rich sound"],
        cons=["distorts at max volume", "no bag", "bright light", "eats batteries"],
    ),
    "usb_cable": dict(
        noun="USB cable", plural=False, a_noun="a USB cable", one="one",
        devices=["my printer", "my external drive", "my camera", "my phone"],
        models=["USB 2.0 A-to-B Cable (6 ft)", "USB Extension Cable (10 ft)", "Mini USB Cable"],
        pos=[
            "It is well shielded and the connectors fit snugly.",
            "Data transfers are just as fast as with the original cable.",
            "Plenty long, so I could finally move the printer off my desk.",
            "It's thick and feels like it will last for years.",
            "Plug & play, nothing to install.",
        ],
        neg=[
            "The connection drops whenever someone walks past the desk.",
            "My computer keeps saying the device is not recognized.",
            "The plug is so loose that it falls out on its own.",
            "The plastic housing split around the connector.",
            "Transfers crawl, much slower than with the cable that came with the drive.",
        ],
        meh=["The cable is stiff and hard to route.", "It's shorter than I thought.", "The packaging was a pain to open."],
        fail=["It stopped working after {short_time}.", "One end came apart in my hand."],
        context=["I needed a longer cable for the printer.", "This is a spare for my desk at work."],
        pros=["fits snugly", "well shielded", "cheap", "long"],
        cons=["stiff", "loose plug", "short", "slow"],
    ),
    "hdmi_cable": dict(
        noun="HDMI cable", plural=False, a_noun="an HDMI cable", one="one",
        devices=["my TV", "the DVD player", "the cable box", "my receiver"],
        models=["HDMI Cable (6 ft)", "Gold Plated HDMI Cable (12 ft)", "High Speed HDMI Cable"],
        pos=[
            "The picture looks exactly the same as with the expensive brand.",
            "Colors are sharp and there's no flicker at all.",
            "The connectors are solid and click in firmly.",
            "Don't pay five times more at the store; this one is just as good.",
            "The cable is thin and flexible, easy to hide behind the TV.",
        ],
        neg=[
            "The screen flickers and goes black every few minutes.",
            "There are sparkles and green lines all over the picture.",
            "The sound drops out while the picture keeps going.",
            "The connector is too fat to fit next to the other cables.",
            "The TV says no signal half the time.",
        ],
        meh=["The cable is thicker than it needs to be.", "It's a little stiff.", "The gold plating is more for looks."],
        fail=["It stopped carrying a signal after {short_time}.", "The plug broke off inside the TV port."],
        context=["I needed one to hook up the new TV.", "I bought two, one for each TV."],
        pros=["clear picture", "cheap", "solid plugs", "flexible"],
        cons=["flickers", "thick", "stiff", "no signal"],
    ),
    "charger": dict(
        noun="charger", plural=False, a_noun="a phone charger", one="one",
        devices=["my phone", "my PDA", "my Bluetooth headset"],
        models=["Travel Wall Charger", "Rapid Home Charger", "Dual Port Charger"],
        pos=[
            "It charges my phone faster than the original did.",
            "The plug folds in, so it travels well.",
            "It stays cool even when charging overnight.",
            "The light turns green when the battery is full, which is handy.",
            "It works with all three of our phones.",
        ],
        neg=[
            "It gets so hot I'm afraid to leave it plugged in.",
            "It takes all night to charge my phone.",
            "The phone says charging, then not charging, over and over.",
            "The tip doesn't sit right in my phone.",
            "It whines loudly whenever it's plugged in.",
        ],
        meh=["The cord could be longer.", "The light is too bright in a bedroom.", "It's bulkier than the original."],
        fail=["It died after {short_time}.", "It quit charging after {short_time}."],
        context=["I keep one at work and one by the bed.", "I lost my original charger on a trip."],
        pros=["charges fast", "folding plug", "stays cool", "cheap"],
        cons=["short cord", "bright light", "bulky", "gets hot"],
    ),
    "car_charger": dict(
        noun="car charger", plural=False, a_noun="a car charger", one="one",
        devices=["my phone", "my GPS", "my MP3 player"],
        models=["Car Charger with Coiled Cord", "Dual USB Car Adapter"],
        pos=[
            "It fits snugly in the lighter socket and doesn't wiggle.",
            "It charges my phone on the way to work.",
            "The coiled cord reaches the passenger seat.",
            "Two ports, so my wife and I can both charge at once.",
        ],
        neg=[
            "It pops out of the socket over every bump.",
            "My radio picks up a loud whine when it's plugged in.",
            "It only charges if I hold it at an angle.",
            "The coiled cord is too short to reach the dash mount.",
        ],
        meh=["The blue light is distracting at night.", "It sticks out a lot from the socket."],
        fail=["It blew the fuse in my car after {short_time}.", "It stopped charging after {short_time}."],
        context=["I drive a lot for work.", "This is for our road trips."],
        pros=["snug fit", "two ports", "long cord"],
        cons=["bright light", "sticks out", "radio noise"],
    ),
    "keyboard": dict(
        noun="keyboard", plural=False, a_noun="a keyboard", one="one",
        devices=["my desktop", "my laptop", "my media PC"],
        models=["Wireless Keyboard", "Ergonomic Keyboard", "Slim USB Keyboard"],
        pos=[
            "The keys have a nice soft feel and are very quiet.",
            "I type faster on this than on any keyboard I've owned.",
            "The wireless works from across the room with no lag.",
            "The media keys are a nice bonus.",
            "My wrists don't hurt anymore after a long day of typing.",
            "It's slim and looks great on my desk.",
        ],
        neg=[
            "Keys stick and sometimes type twice.",
            "The wireless lags so much that letters show up seconds later.",
            "The space bar squeaks and only works if I hit it in the middle.",
            "The layout moves the delete key somewhere weird.",
            "The letters on the keys wore off in a month.",
            "It's so loud that my coworkers complained.",
        ],
        meh=["The feet are a little wobbly.", "It goes through batteries faster than I'd like.",
             "The function keys are smaller than normal."],
        fail=["Half the keys stopped responding after {short_time}.", "It stopped pairing after {short_time}."],
        context=["I write all day for a living.", "I bought it to use the laptop with a real keyboard."],
        pros=["quiet keys", "no lag", "comfortable", "media keys"],
        cons=["wobbly feet", "small function keys", "eats batteries"],
    ),
    "mouse": dict(
        noun="mouse", plural=False, a_noun="a mouse", one="one",
        devices=["my laptop", "my desktop", "my Mac"],
        models=["Optical Mouse", "Wireless Laser Mouse", "Travel Mouse"],
        pos=[
            "Tracking is smooth and precise, even on my glass desk.",
            "It fits my hand perfectly.",
            "The scroll wheel is smooth and the buttons click nicely.",
            "The receiver is tiny and stores inside the mouse.",
            "Batteries last for months.",
        ],
        neg=[
            "The cursor jumps around the screen.",
            "The scroll wheel skips and scrolls the wrong way.",
            "It's too small for an adult hand and my fingers cramp.",
            "The left button double clicks on its own.",
            "It loses the connection every few minutes.",
        ],
        meh=["It's a bit light for my taste.", "The side buttons are hard to reach.", "The finish shows fingerprints."],
        fail=["The left button stopped working after {short_time}.", "The wheel broke off after {short_time}."],
        context=["I use it mostly for photo editing.", "I wanted a small one for travel."],
        pros=["precise", "comfortable", "long battery life", "tiny receiver"],
        cons=["light", "hard-to-reach side buttons", "shows fingerprints"],
    ),
    "camera": dict(
        noun="camera", plural=False, a_noun="a digital camera", one="one",
        devices=["my computer", "my printer", "the TV"],
        models=["5MP Digital Camera", "7.1MP Digital Camera with 3x Zoom", "Compact Digital Camera"],
        pos=[
            "The pictures are sharp and the colors look natural.",
            "It starts up quickly, so I don't miss the shot.",
            "Indoor shots without flash come out surprisingly clean.",
            "It's small enough to keep in my pocket.",
            "The menus are simple and my mother figured it out in minutes.",
            "The zoom is smooth and the image stabilization really helps.",
            "The movie mode is excellent for short clips of the kids.",
        ],
        neg=[
            "Indoor pictures are blurry and full of noise.",
            "There's a long delay between pressing the button and the picture being taken.",
            "The battery is dead after about thirty shots.",
            "The lens cover jams and won't open all the way.",
            "Colors look washed out and everything has a blue cast.",
            "The flash washes out faces at close range.",
            "The screen is impossible to see in sunlight.",
        ],
        meh=["The included memory card is tiny.", "The strap is cheap.", "The software that comes with it is clunky."],
        fail=["It shows a lens error and won't turn on after {short_time}.",
              "The screen went black after {short_time}, though it still takes pictures."],
        context=["I bought it for our vacation.", "This was a gift for my daughter's graduation.",
                 "It replaced my old film camera."],
        pros=["sharp pictures", "fast startup", "small", "easy menus"],
        cons=["short battery life", "tiny card included", "cheap strap"],
    ),
    "memory_card": dict(
        noun="memory card", plural=False, a_noun="a memory card", one="one",
        devices=["my camera", "my PDA", "my camcorder"],
        models=["1 GB Secure Digital Card", "2 GB CompactFlash Card", "512 MB SD Card"],
        pos=[
            "It's fast enough to shoot several pictures in a row without waiting.",
            "Holds hundreds of high resolution pictures.",
            "It has worked flawlessly in three different cameras.",
            "Transferring pictures to the computer is quick.",
        ],
        neg=[
            "The camera says card error about once a week.",
            "It corrupted a whole day of vacation photos.",
            "It's much slower than advertised.",
            "The card reader on my computer doesn't recognize it.",
        ],
        meh=["The label peeled off.", "The plastic case it comes in is hard to open."],
        fail=["It stopped being recognized after {short_time}.", "It died and took all my pictures with it."],
        context=["I needed more room for pictures on a long trip.", "I keep a spare in my camera bag."],
        pros=["fast", "reliable", "roomy"],
        cons=["label peels", "hard-to-open case"],
    ),
    "flash_drive": dict(
        noun="flash drive", plural=False, a_noun="a flash drive", one="one",
        devices=["my work computer", "my laptop", "the school computers"],
        models=["2 GB USB Flash Drive", "4 GB Swivel Flash Drive"],
        pos=[
            "It's tiny and fits on my key ring.",
            "Files copy over quickly.",
            "The cap clips onto the back, so I never lose it.",
            "It survived a trip through the washing machine.",
        ],
        neg=[
            "It's too wide and blocks the port next to it.",
            "Copying a movie takes forever.",
            "The cap doesn't stay on.",
            "It shows up as an empty drive half the time.",
        ],
        meh=["The light blinks constantly.", "The key ring loop is thin."],
        fail=["It stopped working after {short_time} and I lost my files.", "The connector bent and it never worked again."],
        context=["I carry my school work back and forth on it.", "I use it to move files between work and home."],
        pros=["tiny", "fast", "sturdy"],
        cons=["blinking light", "thin loop", "wide"],
    ),
    "router": dict(
        noun="router", plural=False, a_noun="a wireless router", one="one",
        devices=["my laptop", "our game console", "my desktop"],
        models=["Wireless-G Router", "Wireless Broadband Router", "Wireless-N Router"],
        pos=[
            "Setup took ten minutes with the CD.",
            "The signal reaches all the way to the back porch.",
            "It hasn't dropped the connection once.",
            "Streaming to the laptop upstairs is smooth.",
            "The settings page is easy to understand, even for me.",
        ],
        neg=[
            "It drops the connection several times a day.",
            "I have to unplug it and plug it back in every morning.",
            "The range is terrible; the signal is weak one room away.",
            "The setup CD didn't work and the manual is useless.",
            "It kept losing its settings every time the power blinked.",
            "Speed drops to a crawl when more than one computer is online.",
        ],
        meh=["The lights on the front are very bright.", "The antennas look a bit cheap.", "It runs warm."],
        fail=["It died completely after {short_time}.", "It started rebooting itself after {short_time}."],
        context=["We have three laptops in the house.", "I needed wireless for the whole apartment."],
        pros=["easy setup", "good range", "stable connection"],
        cons=["bright lights", "runs warm", "cheap antennas"],
    ),
    "hard_drive": dict(
        noun="external hard drive", plural=False, a_noun="an external hard drive", one="one",
        devices=["my laptop", "my desktop", "my Mac"],
        models=["250 GB External Hard Drive", "300 GB USB 2.0 External Drive", "160 GB Portable Drive"],
        pos=[
            "The backup software is simple and runs every night.",
            "It's quiet, I can barely hear it spin.",
            "Transfers are fast over USB 2.0.",
            "It holds my whole music collection with room to spare.",
            "It is small and light enough to carry in a jacket pocket.",
        ],
        neg=[
            "It's loud and clicks constantly.",
            "My computer stopped recognizing it after a reboot.",
            "The fan sounds like a hair dryer.",
            "The backup software crashes every time I run it.",
            "It gets hot enough to fry an egg.",
        ],
        meh=["The power brick is big.", "The blue light is bright at night.", "The USB cable is short."],
        fail=["It crashed after {short_time} and I lost two years of photos.",
              "It started clicking and died after {short_time}."],
        context=["I use it to back up the family computer.", "I needed room for all my photos."],
        pros=["quiet", "fast", "roomy", "good backup software"],
        cons=["big power brick", "bright light", "short cable"],
    ),
    "surge_protector": dict(
        noun="surge protector", plural=False, a_noun="a surge protector", one="one",
        devices=["my computer", "the home theater", "my TV"],
        models=["8-Outlet Surge Protector", "Surge Protector with Coax Protection", "Power Strip with 6 ft Cord"],
        pos=[
            "The outlets are spaced far enough apart for the big adapters.",
            "It saved my computer during a lightning storm last summer.",
            "The cord is long and the switch is easy to reach.",
            "It mounts on the wall behind the desk, which keeps things tidy.",
        ],
        neg=[
            "The outlets are so close together that adapters block each other.",
            "Plugs fall out of it because the outlets are loose.",
            "The switch gets turned off every time I bump it with my foot.",
            "It buzzes and the protected light flickers.",
        ],
        meh=["The cord is a bit short.", "The light is bright in a dark room."],
        fail=["It stopped working after one storm.", "The protected light went out after {short_time}."],
        context=["Our power goes out a lot in the summer.", "I needed more outlets behind the TV."],
        pros=["well spaced outlets", "long cord", "easy switch"],
        cons=["short cord", "bright light"],
    ),
    "webcam": dict(
        noun="webcam", plural=False, a_noun="a webcam", one="one",
        devices=["my laptop", "my desktop", "our family computer"],
        models=["USB Webcam with Microphone", "Webcam Pro"],
        pos=[
            "The picture is clear even in a dim room.",
            "The built-in microphone picks up my voice well.",
            "It clips onto my monitor securely.",
            "Windows found it right away, no drivers needed.",
        ],
        neg=[
            "The picture is grainy and jerky.",
            "The microphone picks up a loud hum.",
            "The driver CD didn't work and there's nothing on their website.",
            "The clip doesn't hold and it keeps falling off the monitor.",
        ],
        meh=["The cable is short.", "The picture is a little dark in the evening."],
        fail=["It stopped being detected after {short_time}."],
        context=["I use it to talk to my grandkids.", "I work from home and needed one for meetings."],
        pros=["clear picture", "good mic", "no drivers"],
        cons=["short cable", "dark in the evening"],
    ),
    "wall_mount": dict(
        noun="TV wall mount", plural=False, a_noun="a TV wall mount", one="one",
        devices=["my TV", "the new flat panel"],
        models=["Tilting Flat Panel Wall Mount", "Low Profile TV Mount"],
        pos=[
            "It's rock solid and holds our TV without any sag.",
            "Installation took less than an hour, and I'm not handy.",
            "It came with every screw and bolt I needed.",
            "The tilt makes a big difference with the glare from the window.",
        ],
        neg=[
            "The instructions are a single drawing with no words.",
            "The screws that came with it were too short for our TV.",
            "The TV sags forward even with everything tightened.",
            "Two of the holes didn't line up with my TV.",
        ],
        meh=["The tilt is stiff.", "You need two people to hang the TV."],
        fail=["One of the arms bent after {short_time}."],
        context=["We just bought a bigger TV for the living room.", "I wanted the TV out of reach of the kids."],
        pros=["solid", "easy to install", "all hardware included"],
        cons=["stiff tilt", "needs two people"],
    ),
    "remote": dict(
        noun="universal remote", plural=False, a_noun="a universal remote", one="one",
        devices=["the TV", "the DVD player", "the cable box", "the stereo"],
        models=["Universal Remote Control", "Learning Remote with Backlight"],
        pos=[
            "It controls the TV, the DVD player and the receiver with no problem.",
            "Programming it took five minutes with the code list.",
            "The backlit buttons are great in a dark room.",
            "Finally, one remote instead of four on the coffee table.",
        ],
        neg=[
            "It couldn't find the code for our TV, and it isn't an unusual TV.",
            "You have to point it exactly at the TV or nothing happens.",
            "The buttons are tiny and the labels are hard to read.",
            "It forgets its programming every time I change the batteries.",
        ],
        meh=["It's heavier than I expected.", "The backlight turns off too quickly."],
        fail=["Half the buttons stopped working after {short_time}."],
        context=["My dad kept mixing up the remotes.", "We lost the original remote for the DVD player."],
        pros=["one remote for everything", "easy to program", "backlight"],
        cons=["heavy", "short backlight", "tiny buttons"],
    ),
    "clock_radio": dict(
        noun="clock radio", plural=False, a_noun="a clock radio", one="one",
        devices=["my MP3 player", "the radio"],
        models=["Dual Alarm Clock Radio", "Clock Radio with Line In"],
        pos=[
            "Reception is clear, even for the far stations.",
            "The display dims at night, so it doesn't keep me awake.",
            "Two alarms are perfect for my wife and me.",
            "The sound is much better than I expected from a clock radio.",
        ],
        neg=[
            "The display is so bright that it lights up the whole room.",
            "Reception is full of static.",
            "The alarm is so quiet that I overslept twice.",
            "Setting the time requires holding three buttons at once.",
        ],
        meh=["The buttons are small.", "The snooze button is hard to find in the dark."],
        fail=["It started losing time after {short_time}.", "The alarm stopped going off after {short_time}."],
        context=["I needed one for the guest room.", "My old one finally gave out after ten years."],
        pros=["clear reception", "dimming display", "two alarms"],
        cons=["small buttons", "hard-to-find snooze"],
    ),
    "gps": dict(
        noun="GPS unit", plural=False, a_noun="a GPS unit", one="one",
        devices=["my car", "the car"],
        models=["Portable GPS Navigator", "Car GPS with 3.5 inch Screen"],
        pos=[
            "It finds satellites in under a minute.",
            "The spoken directions are clear and on time.",
            "It recalculates quickly when I miss a turn.",
            "The screen is easy to read even in bright sun.",
        ],
        neg=[
            "It took me down a dirt road that doesn't exist.",
            "The suction mount falls off the windshield every day.",
            "It takes ten minutes to find a signal.",
            "The maps are years out of date.",
        ],
        meh=["The map updates cost extra.", "The voice is a little robotic."],
        fail=["It won't turn on anymore after {short_time}.", "The screen froze for good after {short_time}."],
        context=["I travel for work and never know where I'm going.", "This was for my wife's new car."],
        pros=["fast signal", "clear directions", "bright screen"],
        cons=["map updates cost extra", "robotic voice"],
    ),
    "mp3_player": dict(
        noun="MP3 player", plural=False, a_noun="an MP3 player", one="one",
        devices=["my computer", "my car stereo", "my Mac"],
        models=["1 GB MP3 Player", "4 GB MP3 Player with FM Radio", "Video MP3 Player"],
        pos=[
            "The battery lasts a full day of listening.",
            "It holds more songs than I'll ever listen to.",
            "The menus are easy to use with one hand.",
            "The FM radio is a nice extra for the gym.",
            "Dragging songs onto it from the computer just works.",
        ],
        neg=[
            "The software is awful and keeps deleting my playlists.",
            "The battery is empty after two hours.",
            "The screen scratches if you look at it.",
            "It freezes every few songs and has to be reset.",
            "The earphones that come with it sound terrible.",
        ],
        meh=["The included earphones are cheap.", "The screen is small.", "There's no case."],
        fail=["It froze for good after {short_time}.", "The headphone jack stopped working after {short_time}."],
        context=["I listen to audio books on my commute.", "I bought it for running."],
        pros=["long battery life", "easy menus", "FM radio"],
        cons=["cheap earphones", "small screen", "no case"],
    ),
    "batteries": dict(
        noun="rechargeable batteries", plural=True, a_noun="a set of rechargeable batteries", one="set",
        devices=["my camera", "the kids' toys", "my wireless mouse"],
        models=["AA Rechargeable Batteries (4-Pack) with Charger", "NiMH AA Batteries (8-Pack)"],
        pos=[
            "They last longer in my camera than the alkaline ones did.",
            "The charger is fast and shuts off when they are full.",
            "They hold their charge for weeks in the drawer.",
            "We've stopped buying throwaway batteries altogether.",
        ],
        neg=[
            "They lose their charge in a few days just sitting in the drawer.",
            "My camera says the batteries are low after ten pictures.",
            "The charger gets very hot and smells like burning plastic.",
            "Two of the four were dead out of the package and never took a charge.",
        ],
        meh=["The charger takes all night.", "The charger only does two at a time."],
        fail=["They stopped holding a charge after {short_time}."],
        context=["We go through a lot of batteries with two kids.", "I use them in my flash for weddings."],
        pros=["long lasting", "fast charger", "hold a charge"],
        cons=["slow charger", "only two at a time"],
    ),
    "cordless_phone": dict(
        noun="cordless phone", plural=False, a_noun="a cordless phone", one="one",
        devices=["the phone line", "our DSL line"],
        models=["5.8 GHz Cordless Phone with Answering Machine", "Expandable Cordless Phone System"],
        pos=[
            "Calls are clear all the way out in the garden.",
            "The answering machine is easy to set up.",
            "The handset is light and the display is easy to read.",
            "The battery lasts for days between charges.",
        ],
        neg=[
            "The volume is so low that I can't hear callers in a quiet room.",
            "It crackles whenever the microwave is on.",
            "The handset battery barely lasts an hour on a call.",
            "The answering machine cuts people off after ten seconds.",
        ],
        meh=["The ringer options are limited.", "The buttons are a little small for my mother."],
        fail=["The handset stopped charging after {short_time}.", "The base died after {short_time}."],
        context=["We needed extra handsets for upstairs.", "I bought this for my parents."],
        pros=["clear calls", "long battery life", "easy answering machine"],
        cons=["few ringers", "small buttons"],
    ),
    "laptop_bag": dict(
        noun="laptop bag", plural=False, a_noun="a laptop bag", one="one",
        devices=["my laptop", "my 15 inch laptop"],
        models=["Laptop Messenger Bag", "Padded Notebook Case", "Laptop Backpack"],
        pos=[
            "The padding is thick and my laptop feels safe in it.",
            "There are pockets for everything: cables, mouse, pens & papers.",
            "The strap is comfortable even when the bag is full.",
            "It looks professional enough for meetings.",
        ],
        neg=[
            "The zipper broke the first week.",
            "My laptop doesn't fit, even though the listing says it does.",
            "There's almost no padding on the bottom.",
            "The strap buckle snapped and the bag hit the ground.",
        ],
        meh=["It's a bit heavy when empty.", "The water bottle pocket is too small."],
        fail=["The seams came apart after {short_time}."],
        context=["I commute by bike with my laptop.", "I needed something for business trips."],
        pros=["thick padding", "lots of pockets", "comfortable strap"],
        cons=["heavy", "small bottle pocket"],
    ),
}

# Neutral facts about each kind of product (both classes use them).
DETAILS = {
    "headphones": ["They have a volume slider on the cord.", "The plug is a straight 3.5 mm jack with a quarter inch adapter.",
                   "They come in black and silver."],
    "earbuds": ["They come with small, medium and large tips.", "The cord is about four feet long."],
    "speaker": ["It has a line-in jack for other players.", "It runs on four AA batteries or the included adapter."],
    "usb_cable": ["It's the standard square plug on one end.", "Mine is the six foot version."],
    "hdmi_cable": ["I run it from the cable box to a 42 inch plasma.", "It's about twelve feet long."],
    "charger": ["It has a small light that shows when it's charging.", "It's rated for 100 to 240 volts."],
    "car_charger": ["It plugs into the cigarette lighter.", "It has a small fuse in the tip."],
    "keyboard": ["It uses two AA batteries.", "It has a row of media keys along the top."],
    "mouse": ["The receiver plugs into a USB port.", "It has two side buttons for back and forward."],
    "camera": ["It takes AA batteries and SD cards.", "It has a 2.5 inch screen and 3x optical zoom.",
               "It came with a strap, a USB cable and a small card."],
    "memory_card": ["I use it in a five megapixel camera.", "It came in a plastic case with a label."],
    "flash_drive": ["It has a swivel cover instead of a cap.", "It has a small light that blinks when busy."],
    "router": ["It has four wired ports in the back.", "I connected it to a cable modem."],
    "hard_drive": ["It connects with USB 2.0.", "It comes with backup software on a CD."],
    "surge_protector": ["It has eight outlets and a phone line jack.", "The cord is six feet long."],
    "webcam": ["It clips on top of the monitor.", "It has a built-in microphone."],
    "wall_mount": ["It's rated for TVs up to 60 inches.", "It comes with a bag of screws and a paper template."],
    "remote": ["It takes four AAA batteries.", "It has a code list for most brands."],
    "clock_radio": ["It has AM, FM and a line-in jack.", "It has a battery backup for the clock."],
    "gps": ["It has a suction cup mount for the windshield.", "It came with a car charger."],
    "mp3_player": ["It runs on one AAA battery.", "It shows up as a drive when plugged into the computer."],
    "batteries": ["They're 2500 mAh NiMH cells.", "The charger plugs straight into the wall."],
    "cordless_phone": ["It has a base and two extra handsets.", "It runs on 5.8 GHz."],
    "laptop_bag": ["It has a shoulder strap and a handle.", "It fits a laptop up to 15.4 inches."],
}

NEUTRAL = [  # filler that says nothing about the product's quality
    "I did a lot of reading before buying.", "My son set {them} up for me.", "I mostly use {them} on weekends.",
    "I ordered {them} along with a few other things.", "I've been using {them} for about {short_time}.",
    "I'm not an expert, just a regular user.", "This is my first review here.",
    "I bought {them} during a sale.", "I use {them} at home and at the office.",
    "The box says {itis} compatible with Windows and Mac.",
    "I compared three models before picking this one.", "It was on the shelf at the store too, for more money.",
    "I picked the black one.", "I've had {them} for about {short_time}.",
]
COMPARE_POS = [  # a bad earlier product, then this good one: negative words in a positive review
    "My last {one} broke after {short_time} and was a complete waste of money. {This} {noun} {is} in a different league.",
    "I returned two cheap ones that died within weeks before finding {this} {noun}.",
    "The cheap {one} I bought before was junk, so I was disappointed and skeptical going in. Not anymore.",
    "My old {one} was awful: flimsy, unreliable, and it stopped working twice. This one is the opposite.",
    "I was ready to give up after the last {one} I tried was defective.",
    "The other brand I bought first was so poor that I sent it back the same day.",
]
COMPARE_NEG = [  # a good earlier product, then this bad one: positive words in a negative review
    "My old {one} was great and lasted for years. {This} {noun} {doesnt} come close.",
    "I loved the previous model. This new one is a step backwards.",
    "I've owned great {brand} products before, so this was a surprise.",
    "The {one} I had before worked perfectly for five years; this one didn't last a season.",
    "I had read so many good reviews, and the price was right.",
    "Everyone seems to love {them}, so maybe I got a bad one.",
]
RESOLVED_POS = [  # problems that got fixed: negative words, positive verdict
    "The first one I received was dead out of the box, but the replacement arrived in three days and works perfectly.",
    "It didn't work with {device} at first; a quick call to support and a driver update fixed it.",
    "I almost returned {them} in the first week, but once I figured out the settings {it} work{s} great.",
    "One of the parts was missing, but the seller sent it right away.",
]

BRANDS = ["Auralis", "Corvane", "Nexilon", "Tessaro", "Kinport", "Lumetra", "Zephyrix", "Quillon",
          "Fernbrook", "Halcyra", "Dyneth", "Pebblecore", "Veloxa", "Marbright", "Orrin", "Stellix"]

# ---------------------------------------------------------------------------
# Generic sentences. Placeholders (filled by Slots): {this} {This} {noun} {it} {It}
# {them} {its} {is} {was} {has} {does} {s} (verb ending) {doesnt} {isnt} {itis}
# {Itis} {one} {a_noun} {brand} {device} {person} {price} {short_time} {long_time}
# ---------------------------------------------------------------------------
POS_OPEN = [
    "I love {this} {noun}.", "{This} {noun} {is} excellent.", "Really happy with this purchase.",
    "Best money I've spent in a while.", "Exactly what I was looking for.",
    "I've had {them} for {long_time} now and {itis} still going strong.", "Five stars from me.",
    "I bought {this} {noun} to replace my old {one} and {itis} a huge improvement.",
    "After a lot of research I went with {this} {noun}, and I'm glad I did.",
    "I was skeptical at first, but {this} {noun} won me over.",
    "I bought {this} {noun} for {person} and ended up getting a {one} for myself too.",
    "This is the second {one} I've bought.", "{It} work{s} exactly as advertised.",
    "I can't say enough good things about {this} {noun}.", "Solid product.", "Wow.",
    "What a great find.", "{Brand} did a nice job with this one.", "I'm very pleased with {this} {noun}.",
    "So far, so good.", "I'm really impressed with {this} {noun}.", "Great {noun}!", "This is a great little {one}.",
    "I love {them}!", "Great product.", "Excellent {noun}.",
]
POS_BODY = [
    "{It} work{s} perfectly with {device}.", "Setup took about two minutes.",
    "Build quality is excellent for the price.", "{It} feel{s} solid and well made.", "No problems at all so far.",
    "For {price} you really can't beat {them}.", "{It} just work{s}, which is all I wanted.",
    "I've used {them} almost every day and haven't had a single issue.", "Easily worth twice the price.",
    "Much better than the expensive {one} I had before.", "The instructions were clear and everything was in the box.",
    "I'm impressed.", "Very reliable so far.", "Great value for the money.",
    "I've owned a few {brand} products and this one lives up to the name.",
    "Everything about {them} feels well thought out.", "{It} {does} exactly what {it} should, no more, no less.",
    "It was a great price, too.", "Quality is top notch.", "{It} work{s} great.", "The quality is excellent.",
    "I love how easy {it} {is} to use.", "Works great, no issues.", "Great quality for the money.",
]
POS_CLOSE = [
    "Highly recommended!", "Would definitely buy again.", "I'd recommend {this} {noun} to anyone.",
    "Great value.", "You won't be disappointed.", "No regrets at all.", "I'm ordering another {one} for {person}.",
    "Two thumbs up.", "Buy {them}, you'll love {them}.", "Very pleased.", "Couldn't be happier.",
    "You can't go wrong with this one.", "Love {them}!", "Great purchase.", "Excellent product.",
    "I would buy {them} again in a heartbeat.", "Recommended.", "Great buy!", "I love {them}.",
]
POS_SHORT = [
    "Works great.", "Great product, fast shipping.", "Exactly as described.", "Love it!", "Excellent value.",
    "Perfect.", "Very happy with it.", "Good quality, good price.", "As advertised, no problems.",
    "Works like a charm.", "Great {noun} for the price.", "Does exactly what I needed.", "No complaints.",
    "Excellent, fast and reliable.", "Couldn't ask for more.", "Highly recommend.", "Five stars.",
    "Works well.", "It's perfect for my needs.", "Great deal, works fine.",
]
POS_NEGATED = [  # positive statements that use a negative word
    "Not bad at all for {price}.", "No complaints so far.", "I haven't had any problems with {them}.",
    "I don't understand the negative reviews.", "You won't regret it.", "I can't find anything wrong with {them}.",
    "Not a single problem in {long_time}.", "Never had an issue.", "I wasn't expecting much, but I'm impressed.",
    "It never lets me down.",
]
MIXED_POS_LEAD = [  # introduces a minor complaint in a positive review
    "My only complaint: ", "The only downside is that ", "If I had to nitpick, ", "One small gripe: ",
    "It's not perfect. ", "A minor issue: ", "The one thing I'd change: ",
]
MIXED_POS_AFTER = [
    "Other than that, I love {them}.", "But that's a small thing.", "Still, for {price} it's a great deal.",
    "Not a deal breaker for me.", "Otherwise {itis} excellent.", "I can live with that.",
    "Still worth every penny.", "That aside, {it} work{s} great.",
]
WORRIED_POS = [
    "I almost passed on {this} {noun} because a few reviewers said {it} broke within weeks, but mine has been fine "
    "for {long_time}.",
    "Don't let the negative reviews scare you off.",
    "I was worried {it} would feel cheap and flimsy for the price, but {itis} not.",
    "After reading about so many defective units I expected the worst, but mine works perfectly.",
    "Some reviewers say {it} stopped working after a month; mine is going strong after {long_time}.",
    "I returned a different brand before settling on this one, and I'm glad I did.",
]
STORY_POS = [
    "I used {them} every day on a two-week trip and never had to think about {them}.",
    "I've had {them} for {long_time} and {it} still work{s} like new.",
    "My old {one} died last month, so I ordered {this} {noun} on a whim.",
    "{Person} borrowed {them} for a week and immediately ordered {their_own}.",
    "I set {them} up the day {it} arrived and haven't touched the manual since.",
]

NEG_OPEN = [
    "What a waste of money.", "I really wanted to like {this} {noun}.", "Do not buy {this} {noun}.",
    "Very disappointed.", "I should have listened to the other reviews.", "Save yourself the trouble.",
    "This is the worst {noun} I have ever owned.", "Total junk.", "I had high hopes for {this} {noun}.",
    "Avoid {this} {noun}.", "Cheaply made and it shows.", "I returned {this} {noun} after {short_time}.",
    "Where do I start?", "Don't be fooled by the nice box.", "I regret buying {this} {noun}.",
    "Not impressed.", "I expected better from {brand}.", "Such a disappointment.", "Poor quality from the start.",
]
NEG_BODY = [
    "{It} stopped working after {short_time}.", "{It} feel{s} cheap and flimsy.", "The quality is poor for the price.",
    "Customer service was no help at all.", "The instructions are useless.",
    "I've had nothing but problems since day one.",
    "{It} {doesnt} work with {device}, even though the box says {it} {does}.",
    "The replacement had the exact same problem.", "For {price} I expected a lot more.",
    "The build quality is terrible.", "{It} broke the first time I dropped {them}, from about a foot.",
    "It's clear nobody tested this before shipping it.", "I've wasted hours trying to get {them} to work.",
    "The manufacturer's website is no help.", "This is my last {brand} purchase.",
    "Poorly designed and poorly made.", "I'm really disappointed in {brand}.", "Poor design and poor quality control.",
    "I was disappointed from the moment I opened the box.", "Terrible quality.",
    "{It} broke after {short_time} of light use.", "I had to return {them}.", "Poor quality, poor support.",
]
NEG_CLOSE = [
    "{Itis} going back tomorrow.", "Save your money.", "Stay away.", "I want my money back.",
    "Don't waste your time.", "Zero stars if I could.", "Lesson learned.",
    "I would not recommend {this} {noun} to anyone.", "Buy something else.", "Very disappointing.",
    "Never again.", "Avoid.", "Returned.", "What a waste.", "I'm sending {them} back.",
    "Spend a little more and get something that works.", "I'll be returning {them}.", "Very disappointed.",
    "I'm so disappointed.", "Terrible.", "I'm returning {them}.",
]
NEG_SHORT = [
    "Broke in a week.", "Junk.", "Doesn't work.", "Stopped working after {short_time}.",
    "Complete waste of money.", "Poor quality.", "Returned it.", "Dead on arrival.", "Not as advertised.",
    "Cheap junk, don't bother.", "Worst purchase ever.", "Terrible, avoid.", "Broke the first day.",
    "Don't buy it.", "Garbage.", "Very poor quality, returned it.", "Would not buy again.",
]
NEG_NEGATED = [  # negative statements built on a positive word
    "Not great.", "Not worth {price}.", "Not what I expected at all.", "I can't recommend {them}.",
    "{It} never worked right.", "I wouldn't buy {them} again.", "I wasn't happy with {them} from the start.",
    "Not good, not even for {price}.", "It's not as good as the reviews say.", "Not worth the hassle.",
]
FAINT_PRAISE = [  # opens a mixed negative review
    "I wanted to love {this} {noun}.", "On paper {this} {noun} looked great.", "{It} look{s} nice, I'll give {them} that.",
    "{It} worked great at first.", "The first week was great.", "To be fair, the price was good.",
    "The packaging was nice.",
]
NEG_TURN = ["But ", "Then ", "Unfortunately, ", "Sadly, ", "However, "]
SARCASM = [
    "Great, just great.", "Well, {it} worked great for {short_time}.",
    "I just love paying {price} for something that doesn't work.", "Excellent product, if you need a paperweight.",
    "Five stars for the packaging, zero for everything else.", "Works perfectly... as a doorstop.",
    "Amazing how fast {it} fell apart.", "Sure, {it} look{s} nice. Too bad {it} {doesnt} actually work.",
    "Wonderful. Another {noun} for the junk drawer.", "Thanks for nothing.", "Impressive, in the worst way.",
    "Brilliant design: the one part that matters is the one that breaks.",
]
LUKEWARM = [  # used by BOTH classes
    "It's okay.", "{Itis} okay for the price.", "Nothing special.", "{It} do{es} the job, more or less.",
    "It's fine, I guess.", "Not bad, not great.", "Decent.", "{It} work{s}, mostly.", "It's average.",
    "About what you'd expect for {price}.", "Meh.",
]
LUKEWARM_POS = [
    "For what I paid, I'm satisfied.", "Good enough for my needs.", "I'd probably buy {them} again.",
    "No real complaints.", "It does what I need.", "Fine for occasional use.", "I'm happy enough with {them}.",
    "For the money it's a good deal.",
]
LUKEWARM_NEG = [
    "I expected more.", "I probably won't buy this brand again.", "For the price I'm not impressed.",
    "I wish I had spent a little more on a better one.", "I'm not sure it was worth it.",
    "I'll be looking for something else.", "Disappointing overall.", "There are better options out there.",
    "A bit disappointed, honestly.", "I might return {them}.", "Poor value for the money.",
]
SERVICE_NEUTRAL = [
    "Shipping was fast.", "It arrived two days early.", "It showed up in &lt;3 days.",
    "The box was beat up but everything inside was fine.", "I ordered it on Monday and had it by Wednesday.",
    "The seller was easy to deal with.",
]
SERVICE_NEG = [  # the product may be fine; the purchase was not
    "Mine arrived with a cracked case.", "They sent the wrong model, and the replacement was also wrong.",
    "It was dead out of the box.", "The package was missing parts.",
    "Support kept me on hold for an hour and then hung up.",
    "The warranty is a joke; they want me to pay shipping both ways.",
    "It looked like a used unit that someone else had returned.", "It took three weeks to arrive.",
]
SERVICE_NEG_LEAD = [
    "The {noun} itself might be fine, but I'll never know.", "I can't really review the {noun} itself.",
    "Maybe I got a bad one.", "Others seem to like {them}, so maybe I was unlucky.",
]
RETURN_SENTENCES = [
    "Returning {them} was easy, at least.", "I sent {them} back for a refund.", "I'm getting a refund.",
    "I'll try a different brand.",
]
POS_TITLES = [
    "Great {noun}", "Works great", "Excellent value", "Love {them}", "Very happy", "Does the job",
    "Highly recommended", "Best {noun} I've owned", "Great product for the price", "Exactly what I needed",
    "Solid", "Pleasantly surprised", "Can't beat it for the price", "Great little {noun}",
    "Worth every penny", "Excellent!", "Good buy", "So far so good", "Very nice", "Perfect",
]
MIXED_POS_TITLES = ["Good, not perfect", "Almost perfect", "Good value with one flaw", "Pretty good", "Nice, but..."]
NEG_TITLES = [
    "Junk", "Waste of money", "Don't buy", "Disappointed", "Broke after {short_time}", "Poor quality",
    "Returned it", "Not worth it", "Avoid", "Stopped working", "Save your money", "Not as advertised",
    "Could have been great", "Very disappointed", "Terrible", "Don't waste your money", "Piece of junk",
]
MIXED_NEG_TITLES = ["Meh", "Not great", "Good idea, poor execution", "Looks nice, but...", "Okay at best"]

PEOPLE = ["my wife", "my husband", "my son", "my daughter", "my dad", "my mom", "a coworker", "my brother",
          "my sister", "my roommate", "my girlfriend", "my boyfriend"]
SHORT_TIMES = ["two days", "a week", "three weeks", "a month", "five weeks", "about ten days", "two months",
               "one afternoon", "six weeks"]
LONG_TIMES = ["six months", "a year", "over a year", "eight months", "two years", "nine months", "a year and a half"]
PRICES = ["$20", "twenty bucks", "$35", "under $15", "the price", "$50", "$12", "forty dollars", "$80", "$25"]

FIRST = ["James", "Mary", "Robert", "Linda", "Michael", "Susan", "David", "Karen", "Richard", "Nancy", "Joseph",
         "Lisa", "Thomas", "Betty", "Daniel", "Sandra", "Paul", "Donna", "Mark", "Carol", "Steven", "Ruth",
         "Kevin", "Sharon", "Brian", "Laura", "Gary", "Angela", "Eric", "Helen", "Jason", "Amy", "Ryan",
         "Anna", "Jacob", "Rosa", "Tyler", "Megan", "Aaron", "Grace", "Luis", "Priya", "Wei", "Omar", "Elena"]
LAST = ["Smith", "Johnson", "Brown", "Garcia", "Miller", "Davis", "Wilson", "Moore", "Taylor", "Thomas",
        "Jackson", "White", "Harris", "Martin", "Thompson", "Lee", "Walker", "Hall", "Allen", "Young", "King",
        "Wright", "Lopez", "Hill", "Green", "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Roberts",
        "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart", "Morris",
        "Murphy", "Cook", "Rogers", "Reed", "Bailey", "Bell", "Cooper", "Howard", "Ward", "Patel", "Nguyen"]
NICKNAMES = ["gadget guy", "techmom", "audiophile", "road warrior", "bargain hunter", "night owl", "weekend dj",
             "photo nut", "college kid", "retired teacher", "music lover", "busy dad", "frequent flyer"]
PLACES = ["Portland, OR", "Austin, TX", "Columbus, OH", "Denver, CO", "Raleigh, NC", "Madison, WI", "Tucson, AZ",
          "Boise, ID", "Richmond, VA", "Omaha, NE", "Albany, NY", "Tampa, FL", "Sacramento, CA", "Spokane, WA",
          "Des Moines, IA", "Savannah, GA", "Burlington, VT", "Toronto, ON Canada", "Chicago", "Texas",
          "New England", "Bay Area, CA", "Pittsburgh, PA USA", "Seattle, WA USA", "Baltimore, MD USA"]
TYPOS = {"received": "recieved", "definitely": "definately", "a lot": "alot", "disappointed": "dissapointed",
         "separate": "seperate", "recommend": "recomend", "their": "there", "quality": "qualty",
         "really": "realy", "until": "untill"}


class Slots(dict):
    """format_map mapping: grammar forms of the product noun, and random fillers
    drawn afresh at every occurrence (two {short_time} in one text may differ)."""

    def __init__(self, rng, cat, brand):
        plural = cat["plural"]
        super().__init__(
            noun=cat["noun"], a_noun=cat["a_noun"], one=cat["one"], brand=brand, Brand=brand,
            this="these" if plural else "this", This="These" if plural else "This",
            it="they" if plural else "it", It="They" if plural else "It", them="them" if plural else "it",
            its="their" if plural else "its", their_own=f"a {cat['one']} of their own",
            is_="are" if plural else "is", was="were" if plural else "was", has="have" if plural else "has",
            does="do" if plural else "does", s="" if plural else "s", es="" if plural else "es",
            doesnt="don't" if plural else "doesn't", isnt="aren't" if plural else "isn't",
            itis="they're" if plural else "it's", Itis="They're" if plural else "It's",
        )
        self["is"] = self.pop("is_")
        self.rng, self.cat = rng, cat

    def __missing__(self, key):
        pools = {"device": self.cat["devices"], "person": PEOPLE, "price": PRICES,
                 "short_time": SHORT_TIMES, "long_time": LONG_TIMES}
        if key == "Person":
            return pick(self.rng, PEOPLE).capitalize()
        return pick(self.rng, pools[key])


def product_key(cat) -> str:
    return next(key for key, c in CATEGORIES.items() if c is cat)


def pick(rng, seq):
    return seq[int(rng.integers(len(seq)))]


def sample(rng, seq, k):
    return [seq[int(i)] for i in rng.choice(len(seq), size=min(k, len(seq)), replace=False)]


def lower_first(sentence: str) -> str:
    """'The cord is short.' -> 'the cord is short.' (keeps 'I', 'I'm')."""
    if re.match(r"I\b|[A-Z]{2}|[A-Z][a-z]*[A-Z]", sentence):
        return sentence
    return sentence[0].lower() + sentence[1:]


def chance(rng, p: float) -> bool:
    return bool(rng.random() < p)


# ---------------------------------------------------------------------------
# Review builders: each returns (paragraphs, rating, title template, kind)
# ---------------------------------------------------------------------------
def positive(rng, cat, slots):
    kind = pick(rng, ["plain"] * 30 + ["mixed"] * 20 + ["short"] * 12 + ["lukewarm"] * 9 + ["worried"] * 6
                + ["story"] * 7 + ["proscons"] * 6 + ["compare"] * 7 + ["resolved"] * 3 + ["wishes"] * 6 + ["matter_of_fact"] * 5)
    s: list[str] = []
    rating = 5.0 if chance(rng, 0.75) else 4.0
    title = pick(rng, POS_TITLES)
    if kind == "plain":
        if chance(rng, 0.7):
            s.append(pick(rng, POS_OPEN))
        if chance(rng, 0.3):
            s.append(pick(rng, cat["context"]))
        s += sample(rng, cat["pos"], int(rng.integers(1, 4)))
        if chance(rng, 0.7):
            s.append(pick(rng, POS_BODY))
        if chance(rng, 0.3):
            s.append(pick(rng, POS_NEGATED))
        if chance(rng, 0.15):
            s.append(pick(rng, SERVICE_NEUTRAL))
        if chance(rng, 0.7):
            s.append(pick(rng, POS_CLOSE))
    elif kind == "mixed":
        rating = 4.0 if chance(rng, 0.75) else 5.0
        title = pick(rng, MIXED_POS_TITLES + POS_TITLES[:8])
        if chance(rng, 0.6):
            s.append(pick(rng, POS_OPEN))
        s += sample(rng, cat["pos"], int(rng.integers(1, 3)))
        flaw = pick(rng, cat["neg"]) if chance(rng, 0.4) else pick(rng, cat["meh"])
        lead = pick(rng, MIXED_POS_LEAD)
        s.append(lead + (flaw if lead.endswith(". ") else lower_first(flaw)))
        s.append(pick(rng, MIXED_POS_AFTER))
        if chance(rng, 0.4):
            s.append(pick(rng, POS_CLOSE))
    elif kind == "short":
        s.append(pick(rng, POS_SHORT) if chance(rng, 0.7) else pick(rng, cat["pos"]))
        if chance(rng, 0.35):
            s.append(pick(rng, POS_SHORT + POS_NEGATED))
    elif kind == "lukewarm":
        rating = 4.0
        title = pick(rng, ["Does the job", "Okay", "Fine for the price", "Decent", "Good enough", "Not bad"])
        s.append(pick(rng, LUKEWARM))
        if chance(rng, 0.6):
            s.append(pick(rng, cat["meh"]))
        if chance(rng, 0.5):
            s.append(pick(rng, cat["pos"]))
        s.append(pick(rng, LUKEWARM_POS))
    elif kind == "worried":
        s.append(pick(rng, WORRIED_POS))
        s += sample(rng, cat["pos"], int(rng.integers(1, 3)))
        if chance(rng, 0.5):
            s.append(pick(rng, POS_BODY))
        s.append(pick(rng, POS_CLOSE))
    elif kind == "wishes":  # a 4-star review that lists what could be better
        rating = 4.0
        title = pick(rng, [*MIXED_POS_TITLES, "A few quirks", "Good, with caveats"])
        s += sample(rng, cat["meh"], int(rng.integers(1, 3)))
        if chance(rng, 0.4):
            s.append(pick(rng, cat["neg"]))
        s.append(pick(rng, ["Still, I'd buy {them} again.", "That said, {it} {does} the job well.", "Otherwise no complaints.",
                            "But for {price} I'm happy.", "Despite that, I use {them} every day.", "Overall a good buy."]))
    elif kind == "matter_of_fact":  # facts and circumstances, a verdict at most implied
        s.append(pick(rng, cat["context"]))
        s += sample(rng, DETAILS[product_key(cat)], int(rng.integers(1, 3)))
        s.append(pick(rng, ["{It} {does} what {it} should.", "No surprises.", "{It} work{s} as described.",
                            "I use {them} every day.", "So far {itis} fine."]))
    elif kind in ("compare", "resolved"):
        s.append(pick(rng, COMPARE_POS if kind == "compare" else RESOLVED_POS))
        s += sample(rng, cat["pos"], int(rng.integers(1, 3)))
        if chance(rng, 0.4):
            s.append(pick(rng, POS_BODY + POS_NEGATED))
        if chance(rng, 0.6):
            s.append(pick(rng, POS_CLOSE))
    elif kind == "story":
        s.append(pick(rng, cat["context"]))
        s.append(pick(rng, STORY_POS))
        s += sample(rng, cat["pos"], int(rng.integers(1, 4)))
        if chance(rng, 0.4):
            s.append(pick(rng, cat["meh"]))
        if chance(rng, 0.4):
            s.append(pick(rng, POS_BODY))
        s.append(pick(rng, POS_CLOSE))
    else:  # proscons
        intro = pick(rng, POS_OPEN) if chance(rng, 0.5) else "Quick summary after {long_time}:"
        pros = "\n".join(" - " + p for p in sample(rng, cat["pros"], int(rng.integers(2, 4))))
        cons = "\n".join(" - " + c for c in sample(rng, cat["cons"], int(rng.integers(1, 3))))
        end = pick(rng, ["Overall, a great buy.", "Overall I'm very happy.", "Recommended.", "Overall, love {them}."])
        return [intro, "Pros:\n" + pros + "\n\nCons:\n" + cons, end], rating, title, "paragraphs"
    return s, rating, title, "prose"


def negative(rng, cat, slots):
    kind = pick(rng, ["plain"] * 29 + ["mixed"] * 18 + ["short"] * 12 + ["lukewarm"] * 9 + ["sarcastic"] * 7
                + ["service"] * 10 + ["proscons"] * 6 + ["compare"] * 9 + ["matter_of_fact"] * 5)
    s: list[str] = []
    rating = 1.0 if chance(rng, 0.65) else 2.0
    title = pick(rng, NEG_TITLES)
    if kind == "plain":
        if chance(rng, 0.7):
            s.append(pick(rng, NEG_OPEN))
        if chance(rng, 0.3):
            s.append(pick(rng, cat["context"]))
        s += sample(rng, cat["neg"], int(rng.integers(1, 4)))
        if chance(rng, 0.45):
            s.append(pick(rng, cat["fail"]))
        if chance(rng, 0.55):
            s.append(pick(rng, NEG_BODY))
        if chance(rng, 0.3):
            s.append(pick(rng, NEG_NEGATED))
        if chance(rng, 0.15):
            s.append(pick(rng, RETURN_SENTENCES))
        if chance(rng, 0.6):
            s.append(pick(rng, NEG_CLOSE))
    elif kind == "mixed":
        rating = 2.0 if chance(rng, 0.7) else 1.0
        title = pick(rng, MIXED_NEG_TITLES + NEG_TITLES[:8])
        s.append(pick(rng, FAINT_PRAISE) if chance(rng, 0.5) else pick(rng, cat["pos"]))
        if chance(rng, 0.6):
            s.append(pick(rng, cat["pos"]))
        bad = pick(rng, cat["fail"]) if chance(rng, 0.5) else pick(rng, cat["neg"])
        s.append(pick(rng, NEG_TURN) + lower_first(bad))
        if chance(rng, 0.5):
            s.append(pick(rng, cat["neg"] + NEG_BODY))
        if chance(rng, 0.5):
            s.append(pick(rng, NEG_CLOSE + LUKEWARM_NEG))
    elif kind == "matter_of_fact":
        s.append(pick(rng, cat["context"]))
        s += sample(rng, DETAILS[product_key(cat)], int(rng.integers(1, 3)))
        s.append(pick(rng, ["{It} {does} what {it} should, barely.", "Some surprises, not good ones.",
                            "{It} {isnt} as described.", "I rarely use {them} now.", "So far {itis} been a letdown."]))
    elif kind == "compare":
        s.append(pick(rng, COMPARE_NEG))
        s += sample(rng, cat["neg"] + cat["fail"], int(rng.integers(1, 3)))
        if chance(rng, 0.4):
            s.append(pick(rng, NEG_BODY + NEG_NEGATED))
        if chance(rng, 0.6):
            s.append(pick(rng, NEG_CLOSE + LUKEWARM_NEG))
    elif kind == "short":
        s.append(pick(rng, NEG_SHORT) if chance(rng, 0.7) else pick(rng, cat["neg"] + cat["fail"]))
        if chance(rng, 0.35):
            s.append(pick(rng, NEG_SHORT + NEG_NEGATED))
    elif kind == "lukewarm":
        rating = 2.0
        title = pick(rng, [*MIXED_NEG_TITLES, "Just okay", "Mediocre"])
        s.append(pick(rng, LUKEWARM))
        if chance(rng, 0.6):
            s.append(pick(rng, cat["meh"]))
        if chance(rng, 0.4):
            s.append(pick(rng, cat["pos"]))
        if chance(rng, 0.4):
            s.append(pick(rng, cat["neg"]))
        s.append(pick(rng, LUKEWARM_NEG))
    elif kind == "sarcastic":
        rating = 1.0
        s.append(pick(rng, SARCASM))
        s += sample(rng, cat["neg"] + cat["fail"], int(rng.integers(1, 3)))
        if chance(rng, 0.5):
            s.append(pick(rng, SARCASM))
        if chance(rng, 0.5):
            s.append(pick(rng, NEG_CLOSE))
        if chance(rng, 0.15):  # a pseudo-tag on its own line inside the text, as real reviewers sometimes write
            return ["<rant>", " ".join(s), "</rant>"], rating, title, "lines"
    elif kind == "service":
        title = pick(rng, ["Arrived broken", "Wrong item", "Terrible support", "Dead on arrival", *NEG_TITLES[:4]])
        if chance(rng, 0.5):
            s.append(pick(rng, SERVICE_NEG_LEAD))
        s += sample(rng, SERVICE_NEG, int(rng.integers(1, 3)))
        if chance(rng, 0.4):
            s.append(pick(rng, RETURN_SENTENCES))
        if chance(rng, 0.5):
            s.append(pick(rng, NEG_CLOSE))
    else:  # proscons
        intro = pick(rng, NEG_OPEN)
        pros = "\n".join(" - " + p for p in sample(rng, cat["pros"], 1))
        cons = "\n".join(" - " + c for c in sample(rng, cat["cons"], int(rng.integers(1, 3))))
        detail = pick(rng, cat["neg"] + cat["fail"])
        end = pick(rng, ["Overall, not worth it.", "Overall, I'd skip it.", "Avoid.", "Overall, a waste of money."])
        return [intro, "Pros:\n" + pros + "\n\nCons:\n" + cons + "\n - " + detail, end], rating, title, "paragraphs"
    return s, rating, title, "prose"


def add_filler(rng, key: str, sentences: list[str]) -> list[str]:
    """Insert neutral sentences (facts, circumstances) at random places, in both classes alike."""
    if len(sentences) < 2:
        return sentences  # one-liners stay as they are
    sentences = list(sentences)
    for _ in range(int(rng.choice([0, 0, 0, 1, 1, 2]))):
        filler = pick(rng, DETAILS[key]) if chance(rng, 0.5) else pick(rng, NEUTRAL)
        if filler not in sentences:  # somewhere after the first sentence and before the last
            sentences.insert(int(rng.integers(1, len(sentences))), filler)
    return sentences


def style(rng, parts: list[str], layout: str) -> str:
    """Join the parts (sentences, or paragraphs, or lines) and add a reviewer's quirks."""
    if layout == "paragraphs":
        text = "\n\n".join(parts)
    elif layout == "lines":
        text = "\n".join(parts)
    elif len(parts) >= 5 and chance(rng, 0.35):  # prose in two paragraphs
        cut = int(rng.integers(2, len(parts) - 1))
        text = " ".join(parts[:cut]) + "\n\n" + " ".join(parts[cut:])
    else:
        text = " ".join(parts)
    if chance(rng, 0.12):
        text = text.replace(". ", ".  ")  # two spaces after a period
    if chance(rng, 0.10):
        text = re.sub(r"\.(\s|$)", lambda m: "!" + m.group(1) if rng.random() < 0.3 else m.group(0), text)
    if chance(rng, 0.10):
        for right, wrong in TYPOS.items():
            text = re.sub(rf"\b{right}\b", wrong, text)
    if chance(rng, 0.05):
        text = text.lower()
    if chance(rng, 0.06):
        text = text.replace("'", "\u2019")  # typographic apostrophes
    return text


def slug(s: str) -> str:
    return s.strip().lower().replace(" ", "_")


def reviewer_name(rng) -> str:
    first, last = pick(rng, FIRST), pick(rng, LAST)
    form = int(rng.integers(6))
    if form == 0:
        return f"{first[0]}. {last}"
    if form == 1:
        return f"{first} {rng.choice(list(string.ascii_uppercase))}. {last}"
    if form == 2:
        return f'{first} {last} "{pick(rng, NICKNAMES)}"'
    if form == 3:
        return pick(rng, NICKNAMES).title().replace(" ", "")
    return f"{first} {last}"


def make_products(rng):
    """Two or three invented products per category, each with its share of fans."""
    products = []
    for key, cat in CATEGORIES.items():
        for model in sample(rng, cat["models"], int(rng.integers(2, 4))):
            brand = pick(rng, BRANDS)
            code = "".join(rng.choice(list(string.ascii_uppercase), 2)) + "-" + str(int(rng.integers(100, 990)))
            products.append(dict(
                key=key, brand=brand, asin=f"SYN{len(products) + 1:07d}",
                name=f"{brand} {code} {model}: Electronics",
                p_pos=float(rng.choice([0.3, 0.5, 0.5, 0.7])),  # how likely a review of it is positive
            ))
    return products


def make_corpus(seed: int = SEED) -> dict[str, list[str]]:
    rng = np.random.default_rng(seed)
    products = make_products(rng)
    start, days = datetime.date(2004, 1, 1), (datetime.date(2007, 6, 30) - datetime.date(2004, 1, 1)).days
    blocks: dict[str, list[str]] = {"positive": [], "negative": []}
    seen: set[str] = set()
    for label in ("positive", "negative") * N_PER_CLASS:
        weights = np.array([p["p_pos"] if label == "positive" else 1 - p["p_pos"] for p in products])
        while True:
            product = products[int(rng.choice(len(products), p=weights / weights.sum()))]
            cat = CATEGORIES[product["key"]]
            slots = Slots(rng, cat, product["brand"])
            build = positive if label == "positive" else negative
            parts, rating, title, layout = build(rng, cat, slots)
            if layout == "prose":
                parts = add_filler(rng, product["key"], parts)
            parts = [p.format_map(slots) for p in parts]
            if layout == "prose":
                parts = list(dict.fromkeys(parts))  # a sentence drawn twice is said once
            text = style(rng, parts, layout)
            if text not in seen:  # no duplicate texts: they would sit on both sides of a split
                seen.add(text)
                break
        title = title.format_map(slots)
        title = title[0].upper() + title[1:]
        name = reviewer_name(rng) if chance(rng, 0.95) else ""
        place = pick(rng, PLACES) if chance(rng, 0.8) else ""
        date = start + datetime.timedelta(days=int(rng.integers(days)))
        total = int(rng.integers(0, 25))
        helpful = f"{int(rng.integers(0, total + 1))} of {total}" if total and chance(rng, 0.7) else ""
        fields = [
            ("unique_id", f"{product['asin']}:{slug(title)}:{slug(name)}"),
            ("asin", product["asin"]),
            ("product_name", product["name"]),
            ("product_type", "electronics"),
            ("helpful", helpful),
            ("rating", f"{rating:.1f}"),
            ("title", title),
            ("date", f"{date:%B} {date.day}, {date.year}"),
            ("reviewer", name),
            ("reviewer_location", place),
            ("review_text", text),
        ]
        lines = ["<review>"]
        for tag, value in fields:
            lines += [f"<{tag}>", value, f"</{tag}>"]
        lines.append("</review>")
        blocks[label].append("\n".join(lines) + "\n")
    return {label: "".join(b) for label, b in blocks.items()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped files instead of writing")
    args = parser.parse_args(argv)
    corpus = make_corpus()
    if args.check:
        stale = [label for label, text in corpus.items()
                 if not (OUT / f"{label}.review").is_file() or (OUT / f"{label}.review").read_text("utf-8") != text]
        print("up to date" if not stale else f"differs from the generator: {', '.join(stale)}")
        return 1 if stale else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for label, text in corpus.items():
        (OUT / f"{label}.review").write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {OUT / f'{label}.review'}: {text.count('<review>')} reviews")
    return 0


if __name__ == "__main__":
    sys.exit(main())
