"""Demo content of the clinic site in Russian and English, loaded by `manage.py load_demo_content`.

Text fields follow the convention the public templates understand: paragraphs are separated
by an empty line, and lines starting with "- " form a list.
"""
