print("app package init")
