"""Learn: topics about leg pain after surgery, Today's hint card and the coping tools."""
