# ends the program with the AttributeError of a module reading itself too early
import selfread
selfread.value
