# time._STRUCT_TM_ITEMS: struct_time has tm_zone and tm_gmtoff (test.test_time reads it)
import time
print(time._STRUCT_TM_ITEMS, len(time.localtime()), time.localtime().n_fields)
