#!/usr/bin/env python3
"""Reads every row of the first sheet of an xlsx with openpyxl in read-only
mode (its streaming mode) and counts the non-empty rows: the comparison for
clausier reading a workbook.

    read_openpyxl.py PROGRAMME.xlsx
"""
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
rows = sum(1 for row in book.worksheets[0].iter_rows(values_only=True) if any(v is not None for v in row))
print(rows - 1, "lots")
