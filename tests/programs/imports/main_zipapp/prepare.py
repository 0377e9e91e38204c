# Build app.pyz, a zipapp with a #! line before the archive, from src/.
import zipapp
zipapp.create_archive("src", "app.pyz", interpreter="/usr/bin/env python3")
